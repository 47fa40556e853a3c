using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// The AWS SDK's paginators (<c>s3.Paginators.ListObjectsV2(request)</c>, <c>dynamoDb.Paginators.Scan(request)</c>, one
/// per paginated operation of every service): each of their properties is an <c>IPaginatedEnumerable&lt;T&gt;</c> that
/// requests page after page until the operation has none left, so <c>paginator.S3Objects</c> or <c>paginator.Responses</c>
/// drained by <c>await foreach</c> is every key of the bucket or every item of the table. Recognized by that type,
/// which nothing but a paginator returns; a loop over it that stops early is left to the loop rules.
/// </summary>
internal sealed class SdkPaginatorRecognizer : IPropertyRecognizer
{
    private const string PaginatorSuffix = "Paginator";

    public bool RecognizeProperty(IPropertyReferenceOperation property, ValueTrace trace)
    {
        if (!SizeSymbols.Is(property.Property.Type.OriginalDefinition, trace.Symbols.AwsPaginatedEnumerable))
        {
            return false;
        }

        trace.Found(EvidenceKind.PaginatedResults, OperationOf(property.Property.ContainingType), property.Property.Name);
        return true;
    }

    /// <summary><c>IListObjectsV2Paginator</c> → <c>ListObjectsV2</c>: the SDK names each paginator after its operation.</summary>
    private static string OperationOf(INamedTypeSymbol paginator)
    {
        string name = paginator.Name;
        if (paginator.TypeKind == TypeKind.Interface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        return name.EndsWith(PaginatorSuffix, StringComparison.Ordinal) && name.Length > PaginatorSuffix.Length
            ? name.Substring(0, name.Length - PaginatorSuffix.Length)
            : name;
    }
}

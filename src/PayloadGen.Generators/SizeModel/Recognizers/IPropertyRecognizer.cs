using Microsoft.CodeAnalysis.Operations;

namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// Knows what reading a property of one API family means for the size of the value read (an SDK paginator's
/// <c>Responses</c> or items enumerate every page of the operation). Asked before the getter's summary, in order.
/// </summary>
internal interface IPropertyRecognizer
{
    /// <summary>Reports what reading <paramref name="property"/> means through <paramref name="trace"/>; true when it belongs to this family.</summary>
    bool RecognizeProperty(IPropertyReferenceOperation property, ValueTrace trace);
}

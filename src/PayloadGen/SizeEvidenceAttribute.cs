using System;
using System.ComponentModel;

namespace PayloadGen;

/// <summary>
/// Size evidence of one method of this assembly, written by PayloadGen's generator when the assembly is built, so
/// that PayloadGen's size analyzers in a project that references it (a Lambda handler project calling this data
/// project's repository) see what the method's result carries although they only read its metadata. Not for use in
/// code: the generator writes it; the format is PayloadGen's and may change between versions, and readers skip
/// attributes they do not understand.
/// </summary>
/// <remarks>
/// Example written for a repository whose <c>GetAll()</c> drains a DynamoDB scan:
/// <code>[assembly: SizeEvidence("M:Data.ProductRepository.GetAll", "DrainedPages", "GetRemainingAsync", Subject = "scan")]</code>
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SizeEvidenceAttribute : Attribute
{
    /// <summary>Records one piece of evidence about the result of <paramref name="member"/>.</summary>
    /// <param name="member">The method's documentation-comment id, e.g. <c>M:Data.ProductRepository.GetAll</c>.</param>
    /// <param name="kind">What the evidence is, e.g. <c>DrainedPages</c> (unbounded) or <c>OnePage</c> (bounded).</param>
    /// <param name="detail">What it names: the API, pagination token or count, e.g. <c>GetRemainingAsync</c>.</param>
    public SizeEvidenceAttribute(string member, string kind, string detail)
    {
        Member = member;
        Kind = kind;
        Detail = detail;
    }

    /// <summary>The method's documentation-comment id.</summary>
    public string Member { get; }

    /// <summary>What the evidence is.</summary>
    public string Kind { get; }

    /// <summary>The API, token or count the evidence names.</summary>
    public string Detail { get; }

    /// <summary>What the evidence acts on: a local, a query's source, or <c>scan</c>/<c>query</c>.</summary>
    public string? Subject { get; set; }

    /// <summary>Where the evidence sits inside the method: <c>call:Type.Method()</c> and <c>member:Type.Member</c> steps.</summary>
    public string[]? Path { get; set; }
}

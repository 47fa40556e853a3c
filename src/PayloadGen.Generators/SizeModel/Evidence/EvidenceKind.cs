namespace PayloadGen.Generators.SizeModel;

/// <summary>
/// What a piece of size evidence is. The names are part of the cross-project format
/// (<c>[assembly: SizeEvidence(member, kind, detail)]</c> stores them by name), so members may be added but never renamed.
/// Kinds before <see cref="FirstBound"/> make a value large; the rest bound it.
/// </summary>
internal enum EvidenceKind
{
    /// <summary><c>File.ReadAll*</c>, <c>File.ReadLines</c>, <c>File.Open*</c>: a whole file. Detail: the API.</summary>
    WholeFile,

    /// <summary><c>ReadToEnd(Async)</c>: a whole stream. Detail: the API.</summary>
    WholeStream,

    /// <summary><c>CopyTo(Async)</c> into a local buffer. Detail: the API; subject: the buffer.</summary>
    StreamCopy,

    /// <summary><c>GetRemainingAsync</c>: every page of a DynamoDB search. Detail: the API; subject: scan, query or search.</summary>
    DrainedPages,

    /// <summary>A loop on a pagination token that adds every page to a local. Detail: the token; subject: the local.</summary>
    PaginationLoop,

    /// <summary><c>ToList(Async)</c>/<c>ToArray</c> of a query with no <c>Take</c>. Detail: the API; subject: the query's source.</summary>
    MaterializedQuery,

    /// <summary>A query with no <c>Take</c> handed on whole (serialized as it is enumerated). Subject: the query's source.</summary>
    SerializedQuery,

    /// <summary>A loop that fills a local from an unbounded source. Subject: the local; the cause is the source's evidence.</summary>
    LoopFill,

    /// <summary>Constant text (a literal, <c>new string(c, n)</c>). Detail: its length in characters.</summary>
    ConstantText,

    /// <summary>A loop that reads a text reader line by line to its end and adds to a local. Detail: the read API; subject: the local.</summary>
    LineLoop,

    /// <summary>A string built of a repeated character (<c>new string('x', n)</c>). Detail: its length in characters.</summary>
    RepeatedText,

    /// <summary>Dapper's <c>Query(Async)</c> of a SELECT with no row limit. Detail: the API; subject: the SQL.</summary>
    SqlQuery,

    /// <summary><c>AsAsyncEnumerable()</c> of a query with no <c>Take</c>: every row streamed. Detail: the API; subject: the query's source.</summary>
    StreamedQuery,

    /// <summary>An AWS SDK paginator's pages or items, enumerated to the last page. Detail: the operation; subject: the property.</summary>
    PaginatedResults,

    /// <summary>An EF Core <c>DbSet</c> read as a value: every row of its table. Detail: "DbSet"; subject: the set as written.</summary>
    EntitySet,

    /// <summary>Marker: every kind from here on bounds a value.</summary>
    FirstBound,

    /// <summary><c>Take(n)</c>, <c>First()</c>, <c>Find()</c>…: a bounding operator. Detail: the operator as written.</summary>
    BoundingOperator,

    /// <summary><c>Where</c> comparing the entity's key for equality. Detail: the key.</summary>
    KeyLookup,

    /// <summary><c>GroupBy</c> over an enum or bool. Detail: the key type and group count.</summary>
    SmallGroups,

    /// <summary>An array or collection literal. Detail: its element count.</summary>
    FixedList,

    /// <summary>Data from the incoming Lambda event, bounded by the service that delivered it. Detail: the event type.</summary>
    EventData,

    /// <summary><c>Enumerable.Range</c>/<c>Repeat</c> with a constant count. Detail: the API; subject: the count.</summary>
    ConstantRange,

    /// <summary>One DynamoDB page (at most 1 MB).</summary>
    OnePage,

    /// <summary>One DynamoDB item (at most 400 KB).</summary>
    OneItem,

    /// <summary>One S3 listing page (at most 1,000 keys).</summary>
    ListingPage,

    /// <summary>A loop over a bounded collection. The cause is the collection's bound.</summary>
    LoopOverBound,

    /// <summary>One item of a bounded collection. The cause is the collection's bound.</summary>
    ItemOfBound,

    /// <summary>SQL that returns a bounded number of rows (<c>LIMIT</c>, <c>TOP</c>, <c>FETCH</c>, a key lookup, one aggregate row). Detail: the clause.</summary>
    SqlRowLimit,
}

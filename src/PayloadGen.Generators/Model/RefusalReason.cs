namespace PayloadGen.Generators.Model;

/// <summary>
/// Why no wrapper can be written for a <c>[ClaimCheck]</c> method. The parser produces these and the generator
/// skips the method; the usage analyzers turn each into a diagnostic (see <c>Diagnostics.RefusalRules</c>), so a
/// method the generator skips is one an analyzer reports. Add a reason here and its rule and message there; a test
/// walks every value.
/// </summary>
internal enum RefusalReason
{
    /// <summary>A type around the method is not <c>partial</c>, so the wrapper cannot be added to it.</summary>
    ContainingTypeNotPartial,

    /// <summary>A type around the method is generic: Lambda cannot supply type arguments.</summary>
    GenericContainingType,

    /// <summary>A type around the method is <c>file</c>-local: no other file, so no generated part, can extend it.</summary>
    FileLocalContainingType,

    /// <summary>A type around the method is a <c>ref struct</c>, which cannot hold an async wrapper.</summary>
    RefStructContainingType,

    /// <summary>
    /// Not a method Lambda can name: a local function, lambda, accessor, operator, explicit interface implementation or
    /// extension block member.
    /// </summary>
    NotAnOrdinaryMethod,

    /// <summary>A <c>static abstract</c> or <c>static virtual</c> interface member, callable only through a type parameter.</summary>
    StaticAbstractInterfaceMember,

    /// <summary>
    /// A partial method declared without an implementation, or a <c>[Conditional]</c> method: the compiler removes
    /// calls to it, so the wrapper would call nothing.
    /// </summary>
    CallsRemovedByCompiler,

    /// <summary>The method is generic: Lambda cannot supply type arguments.</summary>
    GenericMethod,

    /// <summary><c>async void</c>: nothing can await it.</summary>
    AsyncVoid,

    /// <summary>A <c>ref</c> or <c>ref readonly</c> return.</summary>
    ReturnsByReference,

    /// <summary>A <c>ref</c>, <c>out</c>, <c>in</c> or <c>ref readonly</c> parameter.</summary>
    ParameterByReference,

    /// <summary>A second parameter that is not a context or token: Lambda passes one payload.</summary>
    SecondPayloadParameter,

    /// <summary>A payload parameter of a type JSON cannot produce: a ref struct (<c>Span&lt;T&gt;</c>) or a pointer.</summary>
    UnsupportedPayloadType,

    /// <summary>A response of a type JSON cannot write: a ref struct or a pointer.</summary>
    UnsupportedResponseType,

    /// <summary>
    /// A payload parameter of a type System.Text.Json refuses at run time (a <c>Stream</c>, delegate, <c>Type</c>,
    /// reflection member, native-sized integer), alone or inside the type: the wrapper would fail every invocation.
    /// </summary>
    UnserializablePayloadType,

    /// <summary>A response of a type System.Text.Json refuses at run time, alone or inside the type.</summary>
    UnserializableResponseType,

    /// <summary>
    /// A payload parameter that is an SQS or SNS event envelope (<c>SQSEvent</c>, <c>SQSEvent.SQSMessage</c>,
    /// <c>SNSEvent</c>…): pointers in record bodies would reach the method unread.
    /// </summary>
    QueueEnvelopeAsPayload,

    /// <summary>A <c>QueueMessageContext</c> parameter on a handler that is not invoked per queue or topic record.</summary>
    MessageContextOutsideQueue,

    /// <summary>An SQS or SNS handler without a payload parameter: it would receive nothing of the message.</summary>
    QueueHandlerWithoutPayload,

    /// <summary>An SQS or SNS handler that returns a value, which nothing would receive.</summary>
    QueueHandlerReturnsValue,

    /// <summary>An SQS or SNS handler that takes <c>IAsyncEnumerable&lt;T&gt;</c>: a record is settled whole, never read lazily.</summary>
    StreamedRequestOnQueue,

    /// <summary><c>Source</c> is a number <c>PayloadSource</c> does not define.</summary>
    UndefinedSource,

    /// <summary><c>JsonContext</c> names a type that is not a concrete, non-generic <c>JsonSerializerContext</c>.</summary>
    InvalidJsonContext,

    /// <summary>A member, inherited member or the type itself already has the name of a generated member.</summary>
    GeneratedNameTaken,

    /// <summary>Another <c>[ClaimCheck]</c> overload of the same name would get the same wrapper name.</summary>
    ClaimCheckOverload,

    /// <summary>A base type has a <c>[ClaimCheck]</c> method of the same name, whose wrapper this one would hide.</summary>
    HidesInheritedHandler,

    /// <summary>A parameter or return type does not resolve: the compiler reports it, and no wrapper could compile.</summary>
    UnresolvedType,

    /// <summary>The method is outside any type (broken or top-level code): the compiler reports it.</summary>
    MethodOutsideType,

    /// <summary>An HTTP <c>Source</c> on a method that does not return (a task of) that source's proxy response.</summary>
    HttpSourceWithoutProxyResponse,

    /// <summary><c>HttpAnswer</c> is a number <c>HttpOffloadAnswer</c> does not define.</summary>
    UndefinedHttpAnswer,

    /// <summary><c>PresignSeconds</c> is negative or over seven days, S3's limit for presigned URLs.</summary>
    PresignSecondsOutOfRange,

    /// <summary>An attribute argument is not a constant the compiler accepts: the compiler reports it.</summary>
    InvalidAttributeValue,
}

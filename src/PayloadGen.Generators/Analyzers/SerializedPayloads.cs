using System;

namespace PayloadGen.Generators.Analyzers;

/// <summary>Which of a handler's payloads a claim-check serializer reads or writes, and so already offloads.</summary>
[Flags]
internal enum SerializedPayloads
{
    /// <summary>Neither: the handler's payloads travel as they are.</summary>
    None = 0,

    /// <summary>The request is deserialized by the claim-check serializer (a pointer is hydrated).</summary>
    Request = 1,

    /// <summary>The response is serialized by the claim-check serializer (a large one is stored).</summary>
    Response = 2,

    /// <summary>Both payloads.</summary>
    Both = Request | Response,
}

using System.IO;

namespace PayloadGen;

/// <summary>How a streamed offload ended: inline bytes to return as they are, or a pointer to the stored payload.</summary>
/// <param name="Inline">The payload itself (it fit under the threshold); disposing it returns the pooled memory.</param>
/// <param name="Pointer">The stored payload's pointer, when it did not fit.</param>
/// <param name="Length">The payload's length in bytes.</param>
internal readonly record struct OffloadOutcome(Stream? Inline, PayloadPointer? Pointer, long Length);

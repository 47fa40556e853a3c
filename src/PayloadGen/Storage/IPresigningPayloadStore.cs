using System;
using System.Threading;
using System.Threading.Tasks;

namespace PayloadGen;

/// <summary>A store that can hand out time-limited URLs to read an object without credentials.</summary>
public interface IPresigningPayloadStore : IPayloadStore
{
    /// <summary>A GET URL for the object <paramref name="pointer"/> names, valid for <paramref name="lifetime"/>.</summary>
    Task<string> PresignReadAsync(PayloadPointer pointer, TimeSpan lifetime, CancellationToken cancellationToken);
}

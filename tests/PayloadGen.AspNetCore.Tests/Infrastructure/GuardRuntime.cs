using System;
using System.IO;

namespace PayloadGen.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A runtime over the file store, which cannot presign URLs: any attempt to offload through it fails the request with
/// a <see cref="ClaimCheckConfigurationException"/>, so pass-through tests fail loudly if the middleware tries.
/// </summary>
internal static class GuardRuntime
{
    public static ClaimCheckRuntime Create(Action<ClaimCheckOptions>? configure = null)
    {
        var options = new ClaimCheckOptions
        {
            Bucket = "never-written",
            Store = "file:" + Path.Combine(Path.GetTempPath(), "payloadgen-aspnet-guard"),
        };
        configure?.Invoke(options);
        return ClaimCheckRuntime.Create(options);
    }
}

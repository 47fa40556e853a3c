using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using PayloadGen.AspNetCore.Tests.Infrastructure;
using Xunit;

namespace PayloadGen.AspNetCore.Tests.Middleware;

/// <summary>Options that cannot work fail the application's start, naming the option.</summary>
public sealed class OptionsTests
{
    public static TheoryData<string, Action<ClaimCheckMiddlewareOptions>> Unusable => new()
    {
        { "EventSource", o => o.EventSource = PayloadSource.Sqs },
        { "EventSource", o => o.EventSource = PayloadSource.Direct },
        { "ThresholdBytes", o => o.ThresholdBytes = 0 },
        { "MaxBufferedBytes", o => o.MaxBufferedBytes = -1 },
        { "Answer", o => o.Answer = (HttpOffloadAnswer)42 },
        { "UrlLifetime", o => o.UrlLifetime = TimeSpan.Zero },
        { "UrlLifetime", o => o.UrlLifetime = TimeSpan.FromDays(8) },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task Unusable_option_fails_the_start_naming_it(string option, Action<ClaimCheckMiddlewareOptions> configure)
    {
        ClaimCheckConfigurationException error = await Assert.ThrowsAsync<ClaimCheckConfigurationException>(
            () => TestApplication.StartAsync(a => a.MapGet("/", () => Results.Ok()), configure));

        Assert.Contains($"{nameof(ClaimCheckMiddlewareOptions)}.{option}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_are_frozen_once_the_middleware_uses_them()
    {
        await using TestApplication app = await TestApplication.StartAsync(a => a.MapGet("/", () => Results.Ok()), o => o.ThresholdBytes = 1000);

        ClaimCheckMiddlewareOptions options = app.Services.GetRequiredService<IOptions<ClaimCheckMiddlewareOptions>>().Value;

        Assert.True(options.IsReadOnly);
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => options.ThresholdBytes = 10);
        Assert.Contains("AddClaimCheck", error.Message, StringComparison.Ordinal);
        Assert.Equal(1000, options.ThresholdBytes);
    }
}

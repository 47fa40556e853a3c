using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PayloadGen.AspNetCore;

namespace PayloadGen.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A minimal-API application as a user writes one, with or without <c>UseClaimCheck()</c>, served by TestHost or by
/// a real Kestrel on 127.0.0.1 with a free port.
/// </summary>
internal sealed class TestApplication : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApplication(WebApplication app, RecordingLoggerProvider logs, Uri? address)
    {
        _app = app;
        Logs = logs;
        Address = address;
    }

    /// <summary>What the application logged.</summary>
    public RecordingLoggerProvider Logs { get; }

    /// <summary>Kestrel's address; <see langword="null"/> under TestHost.</summary>
    public Uri? Address { get; }

    /// <summary>The application's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an application.</summary>
    /// <param name="endpoints">Maps the endpoints (and any middleware that runs inside the claim check).</param>
    /// <param name="claimCheck">Configures <c>UseClaimCheck()</c>; <see langword="null"/> leaves it out.</param>
    /// <param name="outer">Middleware that runs outside the claim check (error handling, a simulated Lambda host).</param>
    /// <param name="kestrel">Serve with Kestrel on loopback instead of TestHost.</param>
    /// <param name="services">Registers further services.</param>
    public static async Task<TestApplication> StartAsync(
        Action<WebApplication> endpoints,
        Action<ClaimCheckMiddlewareOptions>? claimCheck,
        Action<WebApplication>? outer = null,
        bool kestrel = false,
        Action<IServiceCollection>? services = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        if (kestrel)
        {
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        if (claimCheck is not null)
        {
            builder.Services.AddClaimCheck(claimCheck);
        }

        services?.Invoke(builder.Services);

        WebApplication app = builder.Build();
        outer?.Invoke(app);
        if (claimCheck is not null)
        {
            app.UseClaimCheck();
        }

        endpoints(app);
        await app.StartAsync();
        Uri? address = null;
        if (kestrel)
        {
            string listening = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            address = new Uri(listening);
        }

        return new TestApplication(app, logs, address);
    }

    /// <summary>A client of the application that does not follow redirects, so the answer itself can be inspected.</summary>
    public HttpClient CreateClient()
    {
        if (Address is null)
        {
            TestServer server = _app.GetTestServer();
            return new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
        }

        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

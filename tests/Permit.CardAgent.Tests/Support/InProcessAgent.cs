using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Permit.CardAgent.Tests.Support;

/// <summary>The agent's HTTP server (<c>permit-agent serve</c>) in process, on a free loopback port.</summary>
internal sealed class InProcessAgent : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessAgent(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where it listens: <c>http://127.0.0.1:port</c>.</summary>
    public string Address { get; }

    public static async Task<InProcessAgent> StartAsync(AgentHost host)
    {
        var app = AgentServer.Build(host, port: 0);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new InProcessAgent(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Events;
using Permit.CardAgent.Simulated;

namespace Permit.CardAgent.Server;

/// <summary>
/// <c>serve</c>: the loopback HTTP service the web pages call. It binds 127.0.0.1 only, allows the configured
/// origins (CORS) and answers Chrome's private-network preflight, so a page served from the intranet may call
/// a service on the officer's own PC. Every request passes <see cref="AgentGate"/> first (loopback Host, allowed
/// Origin, a ticket from the paired API).
/// </summary>
public static class AgentServer
{
    public const string PrivateNetworkRequestHeader = "Access-Control-Request-Private-Network";
    public const string PrivateNetworkAllowHeader = "Access-Control-Allow-Private-Network";

    /// <summary>On every answer of <c>serve --simulated</c>: what the page shows came from emulated cards.</summary>
    public const string SimulatedHeader = "Permit-Agent-Simulated";

    /// <summary>The Windows service's name (install.ps1 registers it).</summary>
    public const string WindowsServiceName = "PermitAgent";

    /// <param name="port">0 picks a free port (tests read it back from the server's addresses).</param>
    public static WebApplication Build(AgentHost host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var origins = host.Settings.AllowedOrigins.Select(o => o.TrimEnd('/')).ToArray();
        var stateDirectory = Offline.AgentState.Store(null, host).Directory;
        // Read at each request: pairing while serve runs takes effect without a restart, and a damaged file refuses.
        Pairing.AgentPairing? Paired() => Pairing.AgentPairing.Load(stateDirectory);
        var gate = new AgentGate(origins, Paired, host.Time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        host.Log.AddTo(builder.Logging);
        // Started by the service manager on Windows (install.ps1): its stop request ends serve as Ctrl+C does; elsewhere a no-op.
        builder.Services.AddWindowsService(service => service.ServiceName = WindowsServiceName);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", AgentGate.TicketHeader)
            .WithExposedHeaders(SimulatedHeader)));
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(_ => host.Operations());
        builder.Services.AddSingleton<CardEventHub>();
        if (host.Settings.Api is { } api)
            builder.Services.AddHostedService(sp => new Offline.PeriodicSync(
                host, Pairing.AgentPairing.RequireSecure(Issuing.PermitApiClient.ParseApiUrl(api, "Agent:Api"), "Agent:Api"), sp.GetRequiredService<ILogger<Offline.PeriodicSync>>()));

        var app = builder.Build();
        app.Use(AgentGate.CheckHostAsync);
        app.Use((context, next) =>
        {
            // Chrome's Private Network Access: a public or intranet page may reach 127.0.0.1 only if the preflight says so.
            var request = context.Request;
            if (HttpMethods.IsOptions(request.Method)
                && string.Equals(request.Headers[PrivateNetworkRequestHeader], "true", StringComparison.OrdinalIgnoreCase)
                && origins.Contains(request.Headers.Origin.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Headers[PrivateNetworkAllowHeader] = "true";
            }

            if (host.Simulated is not null)
                context.Response.Headers[SimulatedHeader] = "true";
            return next(context);
        });
        app.UseCors();
        // The simulated readers' panel (Development only) switches emulated cards, never a real reader: it keeps the Host
        // check and refuses foreign origins itself, but needs no ticket, so a newcomer can open it straight from the link.
        if (host.Simulated is { } simulated)
        {
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/simulated", StringComparison.Ordinal), gated => gated.Use(gate.InvokeAsync));
            app.MapSimulatedPanel(simulated, origins);
        }
        else
        {
            app.Use(gate.InvokeAsync);
        }

        app.MapHealthEndpoint(Paired, host.Simulated is not null);
        app.MapReaderEndpoints();
        app.MapIdCardEndpoints();
        app.MapPermitCardEndpoints();
        app.MapEventEndpoints();
        app.MapQrEndpoints();
        return app;
    }
}


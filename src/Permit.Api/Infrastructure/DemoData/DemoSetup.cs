using System.Globalization;
using Permit.Api.Web;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// The one-command demo: in Development with <c>Seed:Demo</c>, the simulated agent beside the API
/// (<see cref="SimulatedAgentLauncher"/>, unless <c>Demo:Agent=false</c>) and the start-up block. Elsewhere nothing.
/// </summary>
public static class DemoSetup
{
    public static WebApplicationBuilder AddPermitDemo(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddSingleton<DemoStartBlock>();
        if (!builder.Environment.IsDevelopment() || !builder.Configuration.GetValue<bool>("Seed:Demo"))
            return builder;

        builder.Services.AddHostedService<SimulatedAgentLauncher>();
        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Agent)
        {
            // The pages talk to the agents started beside them, wherever Demo:AgentPort and Demo:CounterAgentPort put them.
            builder.Services.PostConfigure<WebOptions>(web =>
            {
                web.AgentUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{demo.AgentPort}");
                web.CounterAgentUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{demo.CounterPort}");
            });
        }

        return builder;
    }
}

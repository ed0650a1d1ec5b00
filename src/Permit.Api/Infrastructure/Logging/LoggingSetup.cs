using Serilog;
using Serilog.Formatting.Compact;

namespace Permit.Api.Infrastructure.Logging;

/// <summary>Serilog for the host: levels and extra sinks from configuration, console and a compact-JSON rolling file always.</summary>
public static class LoggingSetup
{
    /// <summary>The bootstrap logger that covers start-up until the host's own logger is built.</summary>
    public static void StartBootstrapLogger() =>
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    /// <summary>
    /// Replaces the bootstrap logger with the configured one. <c>Logging:File:Directory</c> (default <c>logs</c>,
    /// relative to the content root) holds the daily <c>permit-YYYYMMDD.clef</c> files; an empty value turns the file off.
    /// </summary>
    public static WebApplicationBuilder AddPermitLogging(this WebApplicationBuilder builder)
    {
        var fileDirectory = builder.Configuration["Logging:File:Directory"] ?? "logs";
        var contentRoot = builder.Environment.ContentRootPath;

        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext();
                // Through the masking sink: exception text can quote personal data, and enrichers cannot reach it.
                logger.WriteTo.Sink(Serilog.Configuration.LoggerSinkConfiguration.Wrap(inner => new Permit.Logging.MaskingSink(inner), sinks =>
                {
                    sinks.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    if (fileDirectory.Length > 0)
                    {
                        sinks.File(
                            new CompactJsonFormatter(),
                            Path.Combine(contentRoot, fileDirectory, "permit-.clef"),
                            rollingInterval: RollingInterval.Day,
                            retainedFileCountLimit: 31);
                    }
                }));
            },
            // Keeping the static bootstrap logger unfrozen lets several hosts (test factories) start in one process;
            // freezing a shared ReloadableLogger twice throws.
            preserveStaticLogger: true);
        return builder;
    }
}

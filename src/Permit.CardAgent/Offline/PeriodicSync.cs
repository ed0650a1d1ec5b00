using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Issuing;

namespace Permit.CardAgent.Offline;

/// <summary>
/// <c>serve</c>'s background sync: at start and then every <see cref="AgentHost.SyncInterval"/>, the lists are fetched
/// from the configured API when it is reachable. A failure is logged and the held lists stay in use (offline is normal).
/// </summary>
public sealed partial class PeriodicSync(AgentHost host, Uri api, ILogger<PeriodicSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(host.SyncInterval, host.Time);
        do
        {
            try
            {
                using var http = host.ApiClients(api);
                var outcome = await RevocationSync.RunAsync(new PermitApiClient(http, token: null), AgentState.Store(null, host), stoppingToken, host.Time)
                    .ConfigureAwait(false);
                LogSynced(logger, outcome.Version, outcome.Replaced);
            }
            catch (Exception e) when (AgentFailure.IsReported(e))
            {
                LogSyncFailed(logger, AgentFailure.From(e).Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Revocation list v{Version} held (replaced: {Replaced})")]
    private static partial void LogSynced(ILogger logger, long version, bool replaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync failed, the held lists stay in use: {Reason}")]
    private static partial void LogSyncFailed(ILogger logger, string reason);
}

using Microsoft.Extensions.Options;

namespace Permit.Api.Audit;

/// <summary>
/// <c>audit verify</c>: exit code 0 when the chain holds and agrees with every signed checkpoint, 1 naming the first
/// broken link, a cut tail or a rewritten chain. <c>audit checkpoint</c>: signs the chain head into the checkpoint log.
/// </summary>
public static class AuditCli
{
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        var result = await AuditVerifier.VerifyAsync(db, cancellationToken).ConfigureAwait(false);
        if (result.FirstBroken is { } broken)
        {
            await output.WriteLineAsync(
                $"Audit chain BROKEN at sequence {broken.Sequence}, entry {broken.EntryId}: {broken.Reason} " +
                $"({result.VerifiedEntries} entries before it verified).").ConfigureAwait(false);
            return 1;
        }

        var log = CheckpointLog(services);
        var anchored = await AuditCheckpoints.CheckAsync(db, services.GetRequiredService<AuditCheckpointKey>(), log, cancellationToken).ConfigureAwait(false);
        if (anchored is not null)
        {
            await output.WriteLineAsync($"Audit chain does NOT match its checkpoints ({log}): {anchored}").ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync(
            $"Audit chain intact: {result.VerifiedEntries} entries verified, consistent with the checkpoints in {log}.").ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> CheckpointAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var checkpoint = await WriteCheckpointAsync(services, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Checkpoint at sequence {checkpoint.Sequence} signed into {CheckpointLog(services)}.").ConfigureAwait(false);
        return 0;
    }

    /// <summary>Signs the current chain head into the configured checkpoint log (and syslog); the job calls this too.</summary>
    public static async Task<AuditCheckpoint> WriteCheckpointAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        var options = services.GetRequiredService<IOptions<AuditOptions>>().Value;
        return await AuditCheckpoints.WriteAsync(db, services.GetRequiredService<AuditCheckpointKey>(), CheckpointLog(services),
            options.Syslog, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private static string CheckpointLog(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AuditOptions>>().Value.CheckpointLogFor(services.GetRequiredService<IHostEnvironment>());
}

using Quartz;

namespace Permit.Api.Features.Jobs;

/// <summary>
/// Every <see cref="AuditOptions.CheckpointInterval"/> (10 minutes): signs the audit chain head into the checkpoint
/// log outside the database (<see cref="AuditCheckpoints"/>), so a cut or recomputed chain no longer verifies.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class AuditCheckpointJob(IServiceProvider services, ILogger<AuditCheckpointJob> logger) : IJob
{
    public const string JobName = "audit-checkpoint";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checkpoint = await AuditCli.WriteCheckpointAsync(services, cancellationToken);
        LogCheckpoint(logger, checkpoint.Sequence);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint signed at sequence {Sequence}")]
    private static partial void LogCheckpoint(ILogger logger, long sequence);
}

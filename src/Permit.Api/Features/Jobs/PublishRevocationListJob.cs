using System.Globalization;
using Permit.Api.Features.Credentials;
using Permit.Api.Keys;

namespace Permit.Api.Features.Jobs;

/// <summary>Daily: signs and publishes the next revocation list v1 (<see cref="RevocationListPublisher"/>) and full status list v2 (<see cref="StatusListPublisher"/>).</summary>
public sealed class PublishRevocationListJob(IssuerKeyRing keys) : IPermitJob
{
    public const string JobName = "revocation-list";

    public string Name => JobName;

    public JobCadence Cadence => JobCadence.Daily;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var list = await RevocationListPublisher.PublishAsync(context.Db, keys, context.Now, cancellationToken);
        var status = await StatusListPublisher.PublishAsync(context.Db, keys, context.Now, cancellationToken);
        return new JobOutcome(list.RevokedCount + list.SuspendedCount + list.ExtendedCount, string.Create(CultureInfo.InvariantCulture,
            $"version {list.Version}: {list.RevokedCount} revoked, {list.SuspendedCount} suspended, {list.ExtendedCount} extended card(s); status list v2 number {status.Number}: {status.CardCount} permit(s)"));
    }
}

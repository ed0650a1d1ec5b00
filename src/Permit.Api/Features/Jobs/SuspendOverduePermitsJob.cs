using System.Globalization;
using Permit.Api.Features.Permits;

namespace Permit.Api.Features.Jobs;

/// <summary>Daily: suspends every active permit whose endorsement window closed before the day without endorsement.</summary>
public sealed class SuspendOverduePermitsJob : IPermitJob
{
    public const string JobName = "suspend-overdue-permits";

    public string Name => JobName;

    public JobCadence Cadence => JobCadence.Daily;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var suspended = await MissedEndorsementSuspension.RunAsync(context.Db, context.Audit, context.Period.Start, cancellationToken);
        return new JobOutcome(suspended, string.Create(CultureInfo.InvariantCulture, $"{suspended} permit(s) suspended"));
    }
}

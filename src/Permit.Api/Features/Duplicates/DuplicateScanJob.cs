using System.Globalization;
using Permit.Api.Features.Jobs;

namespace Permit.Api.Features.Duplicates;

/// <summary>Daily: <see cref="DuplicateScan"/> over the whole register; new suspicions wait on <c>/desk/duplicates</c>.</summary>
public sealed class DuplicateScanJob : IPermitJob
{
    public const string JobName = "duplicate-scan";

    public string Name => JobName;

    public JobCadence Cadence => JobCadence.Daily;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = await new DuplicateScan(context.Db).RunAsync(context.Now, cancellationToken);
        // Counts only: the audit line and the run list name no resident and no number.
        context.Audit.Record("duplicates.scan", null, string.Create(CultureInfo.InvariantCulture, $"{found} new suspected duplicate(s)"));
        await context.Db.SaveChangesAsync(cancellationToken);
        return new JobOutcome(found, string.Create(CultureInfo.InvariantCulture, $"{found} new suspected duplicate(s)"));
    }
}

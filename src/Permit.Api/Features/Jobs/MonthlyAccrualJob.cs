using System.Globalization;
using Permit.Api.Features.Points;

namespace Permit.Api.Features.Jobs;

/// <summary>Monthly, on the 1st: accrues the month just ended (<see cref="MonthlyAccrual"/>) for every resident.</summary>
public sealed class MonthlyAccrualJob : IPermitJob
{
    public const string JobName = "monthly-accrual";

    public string Name => JobName;

    public JobCadence Cadence => JobCadence.Monthly;

    public async Task<JobOutcome> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await MonthlyAccrual.RunAsync(context.Db, context.Period.Year, context.Period.Month, context.Now, cancellationToken);
        var entries = result.SocialInsuranceEntries + result.ResidenceEntries;
        return new JobOutcome(entries, string.Create(CultureInfo.InvariantCulture,
            $"{result.Period} under {result.RuleSetVersion}: {result.SocialInsuranceEntries} insurance and {result.ResidenceEntries} residence month(s), {result.BalancesUpdated} balance(s) rescored"));
    }
}

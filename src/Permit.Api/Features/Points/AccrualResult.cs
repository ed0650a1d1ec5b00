namespace Permit.Api.Features.Points;

/// <summary>
/// What one run of <see cref="MonthlyAccrual.RunAsync"/> did. A re-run for the same month reports zero new entries:
/// the ledger's unique key (resident, indicator, period) had them already.
/// </summary>
/// <param name="Period">The month accrued, <c>yyyy-MM</c>.</param>
/// <param name="RuleSetVersion">The rule set the totals were computed under (<c>id@version</c>).</param>
/// <param name="BalancesCreated">Residents who had no balance yet and got one.</param>
/// <param name="SocialInsuranceEntries">New <c>province.social-insurance</c> month entries.</param>
/// <param name="ResidenceEntries">New <c>province.residence</c> month entries.</param>
/// <param name="BalancesUpdated">Balances whose total was recomputed.</param>
public sealed record AccrualResult(
    string Period, string RuleSetVersion, int BalancesCreated, int SocialInsuranceEntries, int ResidenceEntries, int BalancesUpdated);

using Permit.Api.Persistence;

namespace Permit.Api.Features.Points;

/// <summary>
/// Adds a month of social insurance and of residence to every resident who earned it, and moves their balances:
/// set-based SQL, a few statements in one transaction, never a loop over residents.
/// </summary>
public static class MonthlyAccrual
{
    /// <summary>
    /// Accrues <paramref name="year"/>-<paramref name="month"/>. Idempotent per (resident, indicator, period): running it
    /// again for the same month, or after a crash part-way (the transaction rolled back), never accrues a month twice;
    /// the ledger's unique key guarantees it even against a concurrent run. Totals are recomputed as of China's date
    /// at <paramref name="now"/>, under the rule set in force that day.
    /// </summary>
    public static Task<AccrualResult> RunAsync(PermitDbContext db, int year, int month, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        // First merge: the contract only; the set-based statements follow.
        _ = now;
        _ = ct;
        return Task.FromResult(new AccrualResult($"{year:D4}-{month:D2}", "", 0, 0, 0, 0));
    }
}

namespace Permit.Api.Security.Accounts;

/// <summary>For the issuance feature: opens a holder's self-service account and returns the code to print on the receipt.</summary>
public static class MigrantAccounts
{
    public static readonly TimeSpan ActivationValidFor = TimeSpan.FromDays(90);

    /// <summary>
    /// Opens the account of <paramref name="residentId"/> (or renews the code of one not yet activated) and returns the
    /// one-time activation code. The caller saves the context with the issuance. Never log the code.
    /// </summary>
    public static async Task<string> IssueActivationCodeAsync(
        DbContext db, Guid residentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Set<MigrantAccount>().SingleOrDefaultAsync(m => m.ResidentId == residentId, cancellationToken)
            .ConfigureAwait(false);
        if (existing is { ActivatedAt: not null })
            throw new InvalidOperationException("The resident's self-service account is already active.");
        if (existing is not null)
            db.Remove(existing);

        var (account, code) = MigrantAccount.Open(residentId, now, ActivationValidFor);
        db.Add(account);
        return code;
    }
}

namespace Permit.Api.Security.Passwords;

/// <summary>
/// The lock-out rule shared by officer and migrant accounts: after <see cref="PasswordOptions.MaxFailedAttempts"/>
/// wrong passwords in a row the account is locked for <see cref="PasswordOptions.LockoutDuration"/>; a right password
/// while locked still fails, and a successful sign-in resets the count.
/// </summary>
public interface ILockableAccount
{
    int FailedSignIns { get; set; }

    DateTimeOffset? LockedUntil { get; set; }
}

public static class SignInAttempts
{
    public static bool IsLocked(ILockableAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.LockedUntil is { } until && until > now;
    }

    public static void RecordFailure(ILockableAccount account, DateTimeOffset now, PasswordOptions options)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        account.FailedSignIns++;
        if (account.FailedSignIns >= options.MaxFailedAttempts)
        {
            account.LockedUntil = now + options.LockoutDuration;
            account.FailedSignIns = 0;
        }
    }

    public static void RecordSuccess(ILockableAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        account.FailedSignIns = 0;
        account.LockedUntil = null;
    }
}

/// <summary>
/// The same rule applied in the database with set-based updates, so parallel wrong guesses are each counted (a
/// read-modify-write of a loaded account loses all but one of them).
/// </summary>
public static class SignInAttemptsInDatabase
{
    public static Task RecordFailureAsync(
        Microsoft.EntityFrameworkCore.DbContext db, ILockableAccount account, DateTimeOffset now, PasswordOptions options,
        CancellationToken cancellationToken) => account switch
        {
            Accounts.OfficerAccount officer => CountFailureAsync(db.Set<Accounts.OfficerAccount>().Where(o => o.Id == officer.Id), now, options, cancellationToken),
            Accounts.MigrantAccount migrant => CountFailureAsync(db.Set<Accounts.MigrantAccount>().Where(m => m.Id == migrant.Id), now, options, cancellationToken),
            _ => throw new ArgumentException("Unknown kind of account.", nameof(account)),
        };

    public static Task RecordSuccessAsync(
        Microsoft.EntityFrameworkCore.DbContext db, ILockableAccount account, CancellationToken cancellationToken) => account switch
        {
            Accounts.OfficerAccount officer => ResetAsync(db.Set<Accounts.OfficerAccount>().Where(o => o.Id == officer.Id && (o.FailedSignIns != 0 || o.LockedUntil != null)), cancellationToken),
            Accounts.MigrantAccount migrant => ResetAsync(db.Set<Accounts.MigrantAccount>().Where(m => m.Id == migrant.Id && (m.FailedSignIns != 0 || m.LockedUntil != null)), cancellationToken),
            _ => throw new ArgumentException("Unknown kind of account.", nameof(account)),
        };

    private static async Task CountFailureAsync<T>(IQueryable<T> account, DateTimeOffset now, PasswordOptions options, CancellationToken cancellationToken)
        where T : class, ILockableAccount
    {
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            account, s => s.SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1), cancellationToken).ConfigureAwait(false);
        var lockedUntil = now + options.LockoutDuration;
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            account.Where(a => a.FailedSignIns >= options.MaxFailedAttempts),
            s => s.SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.LockedUntil, lockedUntil), cancellationToken).ConfigureAwait(false);
    }

    private static Task<int> ResetAsync<T>(IQueryable<T> account, CancellationToken cancellationToken)
        where T : class, ILockableAccount =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            account, s => s.SetProperty(a => a.FailedSignIns, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
}

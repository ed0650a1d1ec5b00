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

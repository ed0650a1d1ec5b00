using Permit.Api.Security.Passwords;
using Permit.Domain.Regions;

namespace Permit.Api.Security.Accounts;

/// <summary>A staff member who signs in with a user name and password.</summary>
public sealed class OfficerAccount : ILockableAccount
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;

    private OfficerAccount()
    {
        UserName = DisplayName = PasswordHash = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>Stored lower-case, so sign-in is case-insensitive in every database.</summary>
    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public OfficerRole Role { get; private set; }

    /// <summary>
    /// The code prefix of the residents this officer handles (<see cref="Permit.Domain.Regions.Jurisdiction"/>: region, subdistrict
    /// or community); null for the whole register. Admins always see the whole register, whatever this holds.
    /// </summary>
    public string? Jurisdiction { get; private set; }

    public string PasswordHash { get; private set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When an admin disabled the account; a disabled officer cannot sign in and every session ends.</summary>
    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>
    /// Changes whenever the account's sessions must end (disabled, password reset, role changed): tokens and cookies carry
    /// the stamp they were issued with and are refused once it differs.
    /// </summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    public bool IsActive => DisabledAt is null;

    public static string NewStamp() => Guid.NewGuid().ToString("N");

    public void Disable(DateTimeOffset now)
    {
        DisabledAt ??= now;
        SecurityStamp = NewStamp();
    }

    public void Enable()
    {
        DisabledAt = null;
        FailedSignIns = 0;
        LockedUntil = null;
        SecurityStamp = NewStamp();
    }

    /// <summary>Sets a new password (an admin's reset): the lock-out is lifted and every existing session ends.</summary>
    public void ResetPassword(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        SecurityStamp = NewStamp();
    }

    /// <summary>Gives the officer another role; sessions with the old role end, so the new one applies at the next sign-in.</summary>
    public void ChangeRole(OfficerRole role)
    {
        if (!Enum.IsDefined(role))
            throw new ArgumentOutOfRangeException(nameof(role));
        if (role == Role)
            return;
        Role = role;
        SecurityStamp = NewStamp();
    }

    /// <summary>
    /// Gives the officer another jurisdiction (null: the whole register). Sessions carry the jurisdiction they were
    /// signed in with, so they end, and the next sign-in sees the new one.
    /// </summary>
    public void ChangeJurisdiction(Jurisdiction? jurisdiction)
    {
        if (jurisdiction?.Code == Jurisdiction)
            return;
        Jurisdiction = jurisdiction?.Code;
        SecurityStamp = NewStamp();
    }

    public static string NormalizeUserName(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToLowerInvariant();
    }

    public static OfficerAccount Create(
        string userName, string displayName, OfficerRole role, string passwordHash, DateTimeOffset now, Jurisdiction? jurisdiction = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return new OfficerAccount
        {
            Id = Guid.CreateVersion7(now),
            UserName = NormalizeUserName(userName),
            DisplayName = displayName.Trim(),
            Role = Enum.IsDefined(role) ? role : throw new ArgumentOutOfRangeException(nameof(role)),
            PasswordHash = passwordHash,
            CreatedAt = now,
            Jurisdiction = jurisdiction?.Code,
        };
    }
}

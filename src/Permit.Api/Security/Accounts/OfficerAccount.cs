using Permit.Api.Security.Passwords;

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

    public string PasswordHash { get; private set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static string NormalizeUserName(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToLowerInvariant();
    }

    public static OfficerAccount Create(string userName, string displayName, OfficerRole role, string passwordHash, DateTimeOffset now)
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
        };
    }
}

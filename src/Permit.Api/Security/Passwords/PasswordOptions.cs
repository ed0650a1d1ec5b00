namespace Permit.Api.Security.Passwords;

/// <summary>Password hashing and lock-out settings (section <c>Security:Passwords</c>).</summary>
public sealed class PasswordOptions
{
    public const string Section = "Security:Passwords";

    /// <summary>PBKDF2-HMAC-SHA512 iterations for new hashes (OWASP 2023: 210,000). Tests may lower it.</summary>
    public int Iterations { get; set; } = 210_000;

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password accepted when one is set.</summary>
    public int MinimumLength { get; set; } = 10;
}

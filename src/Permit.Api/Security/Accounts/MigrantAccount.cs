using System.Security.Cryptography;
using System.Text;
using Permit.Api.Security.Passwords;

namespace Permit.Api.Security.Accounts;

/// <summary>
/// A permit holder's self-service account. It starts with a one-time activation code (printed on the issuance
/// receipt, stored only as its SHA-256); activating sets a user name and password and burns the code.
/// </summary>
public sealed class MigrantAccount : ILockableAccount
{
    /// <summary>Crockford base32 without I, L, O, U: nothing to misread on paper.</summary>
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int CodeLength = 16;

    private MigrantAccount()
    {
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public string? UserName { get; private set; }

    public string? PasswordHash { get; private set; }

    /// <summary>SHA-256 of the normalized activation code; null once used.</summary>
    public string? ActivationCodeHash { get; private set; }

    public DateTimeOffset ActivationExpiresAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>A new account and its activation code (80 random bits, shown as <c>XXXX-XXXX-XXXX-XXXX</c>).</summary>
    public static (MigrantAccount Account, string Code) Open(Guid residentId, DateTimeOffset now, TimeSpan validFor)
    {
        var chars = new char[CodeLength];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        var code = string.Join('-', new string(chars).Chunk(4).Select(c => new string(c)));
        var account = new MigrantAccount
        {
            Id = Guid.CreateVersion7(now),
            ResidentId = residentId,
            ActivationCodeHash = HashCode(code),
            ActivationExpiresAt = now + validFor,
        };
        return (account, code);
    }

    /// <summary>SHA-256 (hex) of a code as typed: case, spaces and dashes do not matter.</summary>
    public static string HashCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalized = new string([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
    }

    public bool CanActivate(DateTimeOffset now) => ActivationCodeHash is not null && now < ActivationExpiresAt;

    public void Activate(string userName, string passwordHash, DateTimeOffset now)
    {
        if (!CanActivate(now))
            throw new InvalidOperationException("The activation code is used or expired.");
        UserName = OfficerAccount.NormalizeUserName(userName);
        PasswordHash = passwordHash;
        ActivationCodeHash = null;
        ActivatedAt = now;
    }
}

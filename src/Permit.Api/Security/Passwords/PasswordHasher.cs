using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Permit.Api.Security.Passwords;

/// <summary>
/// PBKDF2-HMAC-SHA512 password hashes in a self-describing form, <c>pbkdf2-sha512$&lt;iterations&gt;$&lt;salt b64&gt;$&lt;hash b64&gt;</c>
/// (16-byte salt, 64-byte hash), so the iteration count can grow without invalidating stored hashes.
/// </summary>
public sealed class PasswordHasher(IOptions<PasswordOptions> options)
{
    public const string Scheme = "pbkdf2-sha512";
    private const int SaltLength = 16;
    private const int HashLength = 64;

    // Checking an unknown user name costs as much as checking a real one, so timing does not reveal which names exist.
    private readonly Lazy<string> _decoy = new(() => Hash(Guid.NewGuid().ToString(), options.Value.Iterations));

    public string Hash(string password) => Hash(password, options.Value.Iterations);

    public static string Hash(string password, int iterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashLength);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="password"/> matches; a malformed stored hash never matches.</summary>
    public static bool Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(storedHash);
        var parts = storedHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one check without a real hash (unknown user name).</summary>
    public void VerifyDecoy(string password) => Verify(password, _decoy.Value);
}

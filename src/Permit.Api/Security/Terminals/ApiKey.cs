using System.Security.Cryptography;
using System.Text;

namespace Permit.Api.Security.Terminals;

/// <summary>
/// A verifier terminal's API key: <c>pvk_&lt;lookup prefix, 16 hex&gt;_&lt;secret, 256 random bits base64url&gt;</c>.
/// The prefix (random too, but not secret) finds the terminal; only the SHA-256 of the whole key is stored, and it is
/// compared in constant time. The plain key exists once, in the response that creates the terminal.
/// </summary>
public sealed record ApiKey(string Prefix, string Value)
{
    public const string HeaderName = "X-Api-Key";
    public const int PrefixLength = 16;
    private const string Marker = "pvk_";

    public static ApiKey Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new ApiKey(prefix, $"{Marker}{prefix}_{secret}");
    }

    /// <summary>The lookup prefix of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? PrefixOf(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        return presented.Length > Marker.Length + PrefixLength + 1
            && presented.StartsWith(Marker, StringComparison.Ordinal)
            && presented[Marker.Length + PrefixLength] == '_'
            ? presented.Substring(Marker.Length, PrefixLength)
            : null;
    }

    public static string HashOf(string presented) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(storedHash));

    // The key is a secret: never print it by accident.
    public override string ToString() => $"ApiKey {{ Prefix = {Prefix} }}";
}

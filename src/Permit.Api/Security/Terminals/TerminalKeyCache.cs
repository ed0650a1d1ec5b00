using System.Collections.Concurrent;
using System.Security.Claims;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Security.Terminals;

/// <summary>
/// Remembers, for a short time, which terminal an API key authenticated as, so a busy counter's lookups do not each
/// read the terminal table. Keyed by the SHA-256 of the presented key (the plain key is never kept): a hit means the
/// presented key hashes to a terminal's stored hash, which is exactly the check the database path makes. A revoked
/// terminal is refused once its entry expires (<see cref="TimeToLive"/>), at once in this process after
/// <see cref="Forget"/>. Only successes are remembered: unknown or revoked keys always go to the database.
/// </summary>
public sealed class TerminalKeyCache(TimeProvider time)
{
    /// <summary>
    /// How long a revocation made elsewhere (another node, the database directly) may go unnoticed here: at most 5 s, so a
    /// terminal revoked on one node is refused by every node within 5 s.
    /// </summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(5);

    // Terminals are few (one per counter); the bound only stops a flood of distinct keys from growing the map.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _byKeyHash = new(StringComparer.Ordinal);

    /// <summary>The principal for the key with this hash if it authenticated within <see cref="TimeToLive"/>.</summary>
    public ClaimsPrincipal? Find(string keyHash, string authenticationType)
    {
        if (!_byKeyHash.TryGetValue(keyHash, out var entry))
            return null;
        if (time.GetUtcNow() >= entry.Expires)
        {
            _byKeyHash.TryRemove(new KeyValuePair<string, Entry>(keyHash, entry));
            return null;
        }

        // A fresh principal per request: handlers downstream may add identities or claims to theirs.
        return new ClaimsPrincipal(new ClaimsIdentity(entry.Claims, authenticationType, PermitClaims.Name, PermitClaims.Role));
    }

    public void Remember(string keyHash, Guid terminalId, IReadOnlyList<Claim> claims)
    {
        if (_byKeyHash.Count >= MaxEntries)
            _byKeyHash.Clear();
        _byKeyHash[keyHash] = new Entry(terminalId, [.. claims], time.GetUtcNow() + TimeToLive);
    }

    /// <summary>Forgets a terminal at once (call it when revoking one).</summary>
    public void Forget(Guid terminalId)
    {
        foreach (var (hash, entry) in _byKeyHash)
        {
            if (entry.TerminalId == terminalId)
                _byKeyHash.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
        }
    }

    private sealed record Entry(Guid TerminalId, Claim[] Claims, DateTimeOffset Expires);
}

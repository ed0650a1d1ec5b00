using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Security.Nodes;

/// <summary>
/// Answers "is this token's or cookie's stamp still the account's current one?" for officers and terminals. The current
/// stamp is read from the database and remembered for <see cref="SessionOptions.StampCacheSeconds"/> (5 s by default), so
/// a revocation made on another node is honoured here within that time; a revocation made on this node calls
/// <see cref="Forget"/> and is honoured at once. A disabled officer or a revoked terminal has no current stamp.
/// Migrants carry no stamp (their accounts are not revoked by staff).
/// </summary>
public sealed class CredentialStamps(IServiceScopeFactory scopes, TimeProvider time, IOptionsMonitor<SessionOptions> options)
{
    // Accounts are few (staff and counters); the bound only stops a flood of forged ids from growing the map.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<Guid, Entry> _current = new();

    /// <summary>True when the principal is a migrant, or an officer or terminal whose stamp is still current.</summary>
    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.IsInRole(Roles.Migrant))
            return true;
        var isTerminal = principal.FindFirst(PermitClaims.TerminalId) is not null;
        if (!Guid.TryParse(principal.FindFirst(PermitClaims.Subject)?.Value, out var id)
            || principal.FindFirst(PermitClaims.SecurityStamp)?.Value is not { } presented)
        {
            return false;
        }

        var current = await CurrentAsync(id, isTerminal, cancellationToken).ConfigureAwait(false);
        return current is not null && string.Equals(current, presented, StringComparison.Ordinal);
    }

    /// <summary>Forgets what is known about an account at once (call it after revoking, disabling or changing one).</summary>
    public void Forget(Guid id) => _current.TryRemove(id, out _);

    private async ValueTask<string?> CurrentAsync(Guid id, bool isTerminal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_current.TryGetValue(id, out var entry) && now < entry.Expires)
            return entry.Stamp;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        var stamp = isTerminal
            ? await db.Set<VerifierTerminal>().AsNoTracking().Where(t => t.Id == id && t.RevokedAt == null)
                .Select(t => t.SecurityStamp).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : await db.Set<OfficerAccount>().AsNoTracking().Where(o => o.Id == id && o.DisabledAt == null)
                .Select(o => o.SecurityStamp).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (_current.Count >= MaxEntries)
            _current.Clear();
        _current[id] = new Entry(stamp, now + TimeSpan.FromSeconds(options.CurrentValue.StampCacheSeconds));
        return stamp;
    }

    private sealed record Entry(string? Stamp, DateTimeOffset Expires);
}

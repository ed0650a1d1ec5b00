namespace Permit.Api.Features.Credentials;

/// <summary>
/// One signed revocation list as published (docs/revocation-list.md): the COSE bytes verifiers download, kept whole so
/// every download of a version is byte-identical. <see cref="Version"/> is the key: two publishers racing for the same
/// number collide on it, so versions stay strictly increasing without a lock.
/// </summary>
public sealed class PublishedRevocationList
{
    private PublishedRevocationList()
    {
        // For EF Core materialization.
        KeyId = null!;
        SignedList = null!;
    }

    public PublishedRevocationList(
        long version, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, string keyId, int revoked, int suspended, int extended, byte[] signedList, long changeMarker)
    {
        Version = version;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        KeyId = keyId;
        RevokedCount = revoked;
        SuspendedCount = suspended;
        ExtendedCount = extended;
        SignedList = signedList;
        ChangeMarker = changeMarker;
    }

    public long Version { get; private set; }

    public DateTimeOffset ThisUpdate { get; private set; }

    public DateTimeOffset NextUpdate { get; private set; }

    /// <summary>The issuer key (hex id) that signed the list.</summary>
    public string KeyId { get; private set; }

    public int RevokedCount { get; private set; }

    public int SuspendedCount { get; private set; }

    public int ExtendedCount { get; private set; }

    /// <summary>The tagged COSE_Sign1, exactly as served.</summary>
    public byte[] SignedList { get; private set; }

    public bool IsStale(DateTimeOffset now) => now > NextUpdate;

    /// <summary>The <see cref="StatusChangeMarker"/> counter read before the register was read for this list: a different
    /// counter now means a status change the list may miss.</summary>
    public long ChangeMarker { get; private set; }
}

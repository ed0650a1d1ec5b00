namespace Permit.Api.Features.Credentials;

/// <summary>
/// One signed full status list v2 as published (docs/status-list.md): the COSE bytes verifiers download, kept whole so
/// every download of a number is byte-identical and a delta can be made from it later. <see cref="Number"/> is the
/// key: two publishers racing for the same number collide on it, so numbers stay strictly increasing without a lock.
/// </summary>
public sealed class PublishedStatusList
{
    private PublishedStatusList()
    {
        // For EF Core materialization.
        KeyId = null!;
        SignedList = null!;
    }

    public PublishedStatusList(
        long number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, string keyId, int revoked, int suspended, long cards, byte[] signedList, long changeMarker)
    {
        Number = number;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        KeyId = keyId;
        RevokedCount = revoked;
        SuspendedCount = suspended;
        CardCount = cards;
        SignedList = signedList;
        ChangeMarker = changeMarker;
    }

    public long Number { get; private set; }

    public DateTimeOffset ThisUpdate { get; private set; }

    public DateTimeOffset NextUpdate { get; private set; }

    /// <summary>The issuer key (hex id) that signed the list.</summary>
    public string KeyId { get; private set; }

    /// <summary>Revoked cards in the register when the list was made (superseded ones included), as v1 counts them.</summary>
    public int RevokedCount { get; private set; }

    /// <summary>Issued cards of suspended permits when the list was made.</summary>
    public int SuspendedCount { get; private set; }

    /// <summary>Permits the list has a slot with a card for.</summary>
    public long CardCount { get; private set; }

    /// <summary>The tagged COSE_Sign1, exactly as served.</summary>
    public byte[] SignedList { get; private set; }

    /// <summary>The <see cref="StatusChangeMarker"/> counter read before the register was read for this list: a different
    /// counter now means a status change the list may miss.</summary>
    public long ChangeMarker { get; private set; }
}

using System.Formats.Cbor;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Credentials.Revocation;

/// <summary>
/// The signed revocation list file (see docs/revocation-list.md):
/// a tagged COSE_Sign1 exactly as the QR credential's (protected <c>{1: -7, 4: kid}</c>, empty unprotected
/// header, ES256 <c>r‖s</c>), not compressed, whose payload is the CBOR map (text keys, deterministic order)
/// <code>
/// { "v": 1,                      format version
///   "no": uint,                  list version, increasing
///   "tu": uint,                  thisUpdate, seconds since the Unix epoch
///   "nu": uint,                  nextUpdate, seconds since the Unix epoch
///   "rv": [ [ pn: tstr(18), cs: uint ], ... ],    revoked cards, sorted by pn then cs, no duplicates
///   "sp": [ [ pn, cs ], ... ],                     optional: cards of suspended permits, same order rules
///   "vx": [ [ pn, cs, vu: tstr "YYYYMMDD" ], ... ] optional: validity extensions, same order rules
///   "ac": [ bstr(32), ... ]                        optional: SHA-256 of abandoned chips' EF.CHIPKEY, sorted bytewise, no duplicates
/// }
/// </code>
/// Unknown keys are ignored, as in the QR payload; <c>sp</c>, <c>vx</c> and <c>ac</c> are written only when not empty, so a
/// list without them is byte for byte what a reader of the first draft expects.
/// </summary>
public static class RevocationListCodec
{
    public const int FormatVersion = 1;

    /// <summary>Refuse anything larger before parsing (about a million entries).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public static byte[] Sign(RevocationList list, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(signer);
        var suspended = list.Suspended;
        var extensions = list.Extensions;
        var abandoned = list.AbandonedChipKeys;
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(5 + (suspended.Count > 0 ? 1 : 0) + (extensions.Count > 0 ? 1 : 0) + (abandoned.Count > 0 ? 1 : 0));
        writer.WriteTextString("v");
        writer.WriteInt32(FormatVersion);
        // Canonical key order is shorter first, then bytewise: "ac" sorts right after "v".
        if (abandoned.Count > 0)
        {
            writer.WriteTextString("ac");
            writer.WriteStartArray(abandoned.Count);
            foreach (var hash in abandoned)
            {
                writer.WriteByteString(hash);
            }

            writer.WriteEndArray();
        }

        writer.WriteTextString("no");
        writer.WriteInt64(list.Version);
        writer.WriteTextString("tu");
        writer.WriteInt64(list.ThisUpdate.ToUnixTimeSeconds());
        writer.WriteTextString("nu");
        writer.WriteInt64(list.NextUpdate.ToUnixTimeSeconds());
        writer.WriteTextString("rv");
        WriteCards(writer, list.Revoked);
        if (suspended.Count > 0)
        {
            writer.WriteTextString("sp");
            WriteCards(writer, suspended);
        }

        if (extensions.Count > 0)
        {
            writer.WriteTextString("vx");
            writer.WriteStartArray(extensions.Count);
            foreach (var extension in extensions)
            {
                writer.WriteStartArray(3);
                writer.WriteTextString(extension.PermitNumber);
                writer.WriteInt32(extension.CardSequence);
                writer.WriteTextString(PermitFormats.FormatCompactDate(extension.ValidUntil));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndMap();
        return CoseSign1.Sign(writer.Encode(), signer);
    }

    private static void WriteCards(CborWriter writer, IReadOnlyList<RevokedCard> cards)
    {
        writer.WriteStartArray(cards.Count);
        foreach (var card in cards)
        {
            writer.WriteStartArray(2);
            writer.WriteTextString(card.PermitNumber);
            writer.WriteInt32(card.CardSequence);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>Parses the file and checks its signature against <paramref name="trustList"/>.</summary>
    public static RevocationListReadResult Read(byte[] signedList, TrustList trustList)
    {
        ArgumentNullException.ThrowIfNull(signedList);
        ArgumentNullException.ThrowIfNull(trustList);
        if (signedList.Length > MaxBytes)
        {
            return RevocationListReadResult.Refused(RefusalReason.Malformed, "revocation list is over the size limit");
        }

        var cose = CoseSign1.Parse(signedList);
        if (!cose.IsValid)
        {
            return RevocationListReadResult.Refused(RefusalReason.Malformed, $"COSE: {cose.Error}");
        }

        if (!trustList.TryFind(cose.KeyId, out var issuerKey))
        {
            return RevocationListReadResult.Refused(RefusalReason.UnknownKey, "the list is signed by a key not on the trust list");
        }

        if (issuerKey.Status == TrustedKeyStatus.Revoked)
        {
            return RevocationListReadResult.Refused(RefusalReason.IssuerKeyRevoked, "the list is signed by a key the trust list marks revoked");
        }

        if (!CoseSign1.VerifySignature(cose.Message!, issuerKey))
        {
            return RevocationListReadResult.Refused(RefusalReason.BadSignature, "the list's signature does not verify");
        }

        try
        {
            return DecodePayload(new CborReader(cose.Payload, CborConformanceMode.Strict), cose.KeyId!);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or ArgumentException or FormatException)
        {
            return RevocationListReadResult.Refused(RefusalReason.Malformed, "revocation list payload is not the expected map");
        }
    }

    private static RevocationListReadResult DecodePayload(CborReader reader, byte[] keyId)
    {
        long? version = null, number = null, thisUpdate = null, nextUpdate = null;
        List<RevokedCard>? revoked = null;
        List<RevokedCard> suspended = [];
        List<ValidityExtension> extensions = [];
        List<byte[]> abandoned = [];
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null;
            switch (key)
            {
                case null: reader.SkipValue(); reader.SkipValue(); break;
                case "v": version = checked((long)reader.ReadUInt64()); break;
                case "no": number = checked((long)reader.ReadUInt64()); break;
                case "tu": thisUpdate = checked((long)reader.ReadUInt64()); break;
                case "nu": nextUpdate = checked((long)reader.ReadUInt64()); break;
                case "rv": revoked = ReadEntries(reader, withDate: false).ConvertAll(e => new RevokedCard(e.PermitNumber, e.CardSequence)); break;
                case "sp": suspended = ReadEntries(reader, withDate: false).ConvertAll(e => new RevokedCard(e.PermitNumber, e.CardSequence)); break;
                case "vx": extensions = ReadEntries(reader, withDate: true); break;
                case "ac": abandoned = Status.StatusEnvelope.ReadChipKeys(reader); break;
                default: reader.SkipValue(); break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || version != FormatVersion || number is null || thisUpdate is null || nextUpdate is null || revoked is null)
        {
            return RevocationListReadResult.Refused(RefusalReason.Malformed, "revocation list payload misses a field or has an unknown version");
        }

        var list = new RevocationList(number.Value, DateTimeOffset.FromUnixTimeSeconds(thisUpdate.Value),
            DateTimeOffset.FromUnixTimeSeconds(nextUpdate.Value), revoked, suspended, extensions, abandoned, keyId);
        return new RevocationListReadResult(list, null, null);
    }

    // Entries of rv and sp are [pn, cs]; of vx [pn, cs, vu]. The date is unused (default) for the first two.
    private static List<ValidityExtension> ReadEntries(CborReader reader, bool withDate)
    {
        var entries = new List<ValidityExtension>();
        var count = reader.ReadStartArray();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (reader.ReadStartArray() != (withDate ? 3 : 2))
            {
                throw new FormatException("An entry is [pn, cs] ([pn, cs, vu] for vx).");
            }

            var permitNumber = reader.ReadTextString();
            var sequence = checked((int)reader.ReadUInt32());
            var validUntil = withDate
                ? PermitFormats.ParseCompactDate(reader.ReadTextString()) ?? throw new FormatException("vu is not YYYYMMDD.")
                : default;
            var entry = new ValidityExtension(permitNumber, sequence, validUntil);
            reader.ReadEndArray();
            if (entries.Count > 0 && Compare(entries[^1], entry) >= 0)
            {
                throw new FormatException("Entries must be sorted and distinct.");
            }

            entries.Add(entry);
        }

        reader.ReadEndArray();
        return count is null || count == entries.Count ? entries : throw new FormatException("Entry count mismatch.");
    }

    private static int Compare(ValidityExtension a, ValidityExtension b)
    {
        var byNumber = string.CompareOrdinal(a.PermitNumber, b.PermitNumber);
        return byNumber != 0 ? byNumber : a.CardSequence.CompareTo(b.CardSequence);
    }
}

/// <summary>A verified revocation list, or why it was refused (<c>malformed</c>, <c>unknown-key</c>, <c>bad-signature</c>).</summary>
public sealed record RevocationListReadResult(RevocationList? List, RefusalReason? Reason, string? Error)
{
    public bool IsValid => List is not null;

    public static RevocationListReadResult Refused(RefusalReason reason, string error) => new(null, reason, error);
}

using System.Formats.Cbor;
using Permit.Domain.Credentials.Signing;

namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// The root-signed trust list file (docs/trust-list.md): a tagged COSE_Sign1 exactly as the revocation list's, signed by
/// the offline root key (kid = the root's key id), whose payload is the CBOR map (text keys, deterministic order)
/// <code>
/// { "v": 1,                 format version
///   "ia": uint,             issued at, seconds since the Unix epoch
///   "ks": [ key, ... ],     the issuer keys, sorted by kid, no duplicates
///   "no": uint }            list version, increasing, at least 1
/// key = { "lb": tstr,       optional label for people
///         "na": uint,       optional: not-after (last second the key may sign)
///         "nb": uint,       not-before (first second the key may sign)
///         "rg": [ tstr ],   region-code prefixes (2, 4 or 6 digits) of the permits it may sign
///         "st": tstr,       "active" | "retired" | "revoked"
///         "kid": bstr(8),   first 8 bytes of SHA-256 over spki; must match it
///         "spki": bstr }    DER SubjectPublicKeyInfo, P-256
/// </code>
/// Readers ignore unknown keys and refuse duplicates, a kid that does not match its spki, an unknown status or
/// format version.
/// </summary>
public static class TrustListCodec
{
    public const int FormatVersion = 1;

    /// <summary>Refuse anything larger before parsing (a province has dozens of keys, not thousands).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How far ahead of the verifier's clock an issue time may be (clocks drift; a forged future time may not).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static byte[] Sign(SignedTrustList list, IIssuerSigner root)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(root);
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(4);
        writer.WriteTextString("v");
        writer.WriteInt32(FormatVersion);
        writer.WriteTextString("no");
        writer.WriteInt64(list.Version);
        writer.WriteTextString("ia");
        writer.WriteInt64(list.IssuedAt.ToUnixTimeSeconds());
        writer.WriteTextString("ks");
        var keys = list.Keys.Keys.OrderBy(k => k.KeyIdHex, StringComparer.Ordinal).ToList();
        writer.WriteStartArray(keys.Count);
        foreach (var key in keys)
        {
            var optional = (key.Label is null ? 0 : 1) + (key.NotAfter is null ? 0 : 1);
            writer.WriteStartMap(5 + optional);
            writer.WriteTextString("kid");
            writer.WriteByteString(key.KeyId);
            writer.WriteTextString("spki");
            writer.WriteByteString(key.SubjectPublicKeyInfo);
            writer.WriteTextString("st");
            writer.WriteTextString(StatusName(key.Status));
            writer.WriteTextString("nb");
            writer.WriteInt64(Math.Max(0, key.NotBefore?.ToUnixTimeSeconds() ?? 0));
            if (key.NotAfter is { } notAfter)
            {
                writer.WriteTextString("na");
                writer.WriteInt64(notAfter.ToUnixTimeSeconds());
            }

            writer.WriteTextString("rg");
            var regions = key.Regions ?? throw new ArgumentException($"Key {key.KeyIdHex} names no regions; a signed trust list must.", nameof(list));
            writer.WriteStartArray(regions.Count);
            foreach (var region in regions.Order(StringComparer.Ordinal))
            {
                writer.WriteTextString(region);
            }

            writer.WriteEndArray();
            if (key.Label is { } label)
            {
                writer.WriteTextString("lb");
                writer.WriteTextString(label);
            }

            writer.WriteEndMap();
        }

        writer.WriteEndArray();
        writer.WriteEndMap();
        return CoseSign1.Sign(writer.Encode(), root);
    }

    /// <summary>
    /// Verifies the file against the pinned <paramref name="root"/> and checks it may replace the list held:
    /// refused when unsigned or malformed, signed by another key, older than <paramref name="heldVersion"/>, or issued
    /// more than <see cref="MaxClockSkew"/> after <paramref name="now"/>.
    /// </summary>
    public static TrustListReadResult Read(byte[] signedList, TrustedIssuerKey root, DateTimeOffset now, long? heldVersion = null)
    {
        ArgumentNullException.ThrowIfNull(signedList);
        ArgumentNullException.ThrowIfNull(root);
        if (signedList.Length > MaxBytes)
        {
            return TrustListReadResult.Refused(TrustListRefusal.Malformed, "the trust list is over the size limit");
        }

        var cose = CoseSign1.Parse(signedList);
        if (!cose.IsValid)
        {
            return TrustListReadResult.Refused(TrustListRefusal.Malformed, $"the trust list is not a signed COSE_Sign1 ({cose.Error})");
        }

        if (!cose.KeyId!.AsSpan().SequenceEqual(root.KeyId))
        {
            return TrustListReadResult.Refused(TrustListRefusal.ForeignRoot,
                $"the trust list is signed by key {IssuerKeyId.ToHex(cose.KeyId)}, not by the pinned trust root {root.KeyIdHex}");
        }

        if (!CoseSign1.VerifySignature(cose.Message!, root))
        {
            return TrustListReadResult.Refused(TrustListRefusal.BadSignature, "the trust list's signature does not verify with the pinned trust root");
        }

        SignedTrustList list;
        try
        {
            list = DecodePayload(new CborReader(cose.Payload, CborConformanceMode.Strict));
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or ArgumentException or FormatException)
        {
            return TrustListReadResult.Refused(TrustListRefusal.Malformed, $"the trust list payload is not the documented map ({e.Message})");
        }

        if (list.IssuedAt > now + MaxClockSkew)
        {
            return TrustListReadResult.Refused(TrustListRefusal.IssuedInFuture,
                $"trust list v{list.Version} claims to be issued at {list.IssuedAt:u}, more than {MaxClockSkew.TotalMinutes:0} minutes ahead of this clock");
        }

        if (heldVersion is { } held && list.Version < held)
        {
            return TrustListReadResult.Refused(TrustListRefusal.OlderVersion, $"trust list v{list.Version} is older than the v{held} held");
        }

        return new TrustListReadResult(list, null, null);
    }

    public static string StatusName(TrustedKeyStatus status) => status switch
    {
        TrustedKeyStatus.Active => "active",
        TrustedKeyStatus.Retired => "retired",
        _ => "revoked",
    };

    public static TrustedKeyStatus? ParseStatus(string? name) => name switch
    {
        "active" => TrustedKeyStatus.Active,
        "retired" => TrustedKeyStatus.Retired,
        "revoked" => TrustedKeyStatus.Revoked,
        _ => null,
    };

    private static SignedTrustList DecodePayload(CborReader reader)
    {
        long? format = null, number = null, issuedAt = null;
        List<TrustedIssuerKey>? keys = null;
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var name = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null;
            switch (name)
            {
                case null: reader.SkipValue(); reader.SkipValue(); break;
                case "v": format = checked((long)reader.ReadUInt64()); break;
                case "no": number = checked((long)reader.ReadUInt64()); break;
                case "ia": issuedAt = checked((long)reader.ReadUInt64()); break;
                case "ks": keys = ReadKeys(reader); break;
                default: reader.SkipValue(); break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || format != FormatVersion || number is not >= 1 || issuedAt is null || keys is null)
        {
            throw new FormatException("a field is missing, or the format version is unknown");
        }

        return new SignedTrustList(number.Value, DateTimeOffset.FromUnixTimeSeconds(issuedAt.Value), new TrustList(keys));
    }

    private static List<TrustedIssuerKey> ReadKeys(CborReader reader)
    {
        var keys = new List<TrustedIssuerKey>();
        reader.ReadStartArray();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            var key = ReadKey(reader);
            if (keys.Count > 0 && string.CompareOrdinal(keys[^1].KeyIdHex, key.KeyIdHex) >= 0)
            {
                throw new FormatException("keys must be sorted by kid and distinct");
            }

            keys.Add(key);
        }

        reader.ReadEndArray();
        return keys;
    }

    private static TrustedIssuerKey ReadKey(CborReader reader)
    {
        byte[]? kid = null, spki = null;
        string? status = null, label = null;
        long? notBefore = null, notAfter = null;
        List<string>? regions = null;
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var name = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null;
            switch (name)
            {
                case null: reader.SkipValue(); reader.SkipValue(); break;
                case "kid": kid = reader.ReadByteString(); break;
                case "spki": spki = reader.ReadByteString(); break;
                case "st": status = reader.ReadTextString(); break;
                case "lb": label = reader.ReadTextString(); break;
                case "nb": notBefore = checked((long)reader.ReadUInt64()); break;
                case "na": notAfter = checked((long)reader.ReadUInt64()); break;
                case "rg":
                    regions = [];
                    reader.ReadStartArray();
                    while (reader.PeekState() != CborReaderState.EndArray)
                    {
                        regions.Add(reader.ReadTextString());
                    }

                    reader.ReadEndArray();
                    break;
                default: reader.SkipValue(); break;
            }
        }

        reader.ReadEndMap();
        if (kid is null || spki is null || notBefore is null || regions is null || ParseStatus(status) is not { } parsed)
        {
            throw new FormatException("a key entry misses kid, spki, st, nb or rg, or names an unknown status");
        }

        var key = TrustedIssuerKey.FromSubjectPublicKeyInfo(spki, label);
        if (!key.KeyId.SequenceEqual(kid))
        {
            throw new FormatException($"entry kid {IssuerKeyId.ToHex(kid)} does not match its key ({key.KeyIdHex})");
        }

        return key.WithPolicy(parsed, DateTimeOffset.FromUnixTimeSeconds(notBefore.Value),
            notAfter is { } na ? DateTimeOffset.FromUnixTimeSeconds(na) : null, regions);
    }
}

using System.Formats.Cbor;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Credentials.Status;

/// <summary>
/// What full lists and deltas share (docs/status-list.md, "Envelope" and "Common keys"): the COSE_Sign1 checks against
/// the trust list, and the payload's kind and version, read before anything else so a version-3 payload is refused
/// as <c>unknown-version</c> whatever its other keys look like.
/// </summary>
internal static class StatusEnvelope
{
    public const int FormatVersion = 2;
    public const int FullKind = 0;
    public const int DeltaKind = 1;

    public sealed record Opened(ReadOnlyMemory<byte> Payload, byte[] KeyId, TrustedIssuerKey Key);

    public static string? Open(byte[] signedData, TrustList trust, int maxBytes, int kind, out Opened? opened)
    {
        opened = null;
        if (signedData.Length > maxBytes)
            return $"{StatusRefusals.TooLarge}:the file is over the {maxBytes}-byte limit";
        var cose = CoseSign1.Parse(signedData);
        if (!cose.IsValid)
            return $"{StatusRefusals.Malformed}:COSE: {cose.Error}";
        if (!trust.TryFind(cose.KeyId, out var key))
            return $"{StatusRefusals.UnknownKey}:signed by a key not on the trust list";
        if (key.Status == TrustedKeyStatus.Revoked)
            return $"{StatusRefusals.IssuerKeyRevoked}:signed by a key the trust list marks revoked";
        if (!CoseSign1.VerifySignature(cose.Message!, key))
            return $"{StatusRefusals.BadSignature}:the signature does not verify";
        try
        {
            var (version, foundKind) = VersionAndKind(cose.Payload);
            if (version != FormatVersion)
                return $"{StatusRefusals.UnknownVersion}:format version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, this reader knows {FormatVersion}";
            if (foundKind != kind)
                return $"{StatusRefusals.Malformed}:a {(kind == FullKind ? "full list" : "delta")} was expected, k is {foundKind}";
        }
        catch (Exception e) when (IsCborError(e))
        {
            return $"{StatusRefusals.Malformed}:the payload is not a CBOR map";
        }

        opened = new Opened(cose.Payload, cose.KeyId!, key);
        return null;
    }

    public static StatusReadResult<T> Refusal<T>(string codeAndError)
        where T : class
    {
        var colon = codeAndError.IndexOf(':', StringComparison.Ordinal);
        return StatusRead.Refused<T>(codeAndError[..colon], codeAndError[(colon + 1)..]);
    }

    public static bool IsCborError(Exception e) =>
        e is CborContentException or InvalidOperationException or OverflowException or ArgumentException or FormatException;

    public static void WriteHeader(CborWriter writer, int kind)
    {
        writer.WriteTextString("k");
        writer.WriteInt32(kind);
        writer.WriteTextString("v");
        writer.WriteInt32(FormatVersion);
    }

    public static void WriteChipKeys(CborWriter writer, IReadOnlyList<byte[]> hashes)
    {
        writer.WriteTextString("ac");
        writer.WriteStartArray(hashes.Count);
        foreach (var hash in hashes)
            writer.WriteByteString(hash);
        writer.WriteEndArray();
    }

    public static List<byte[]> ReadChipKeys(CborReader reader)
    {
        var hashes = new List<byte[]>();
        var count = reader.ReadStartArray();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            var hash = reader.ReadByteString();
            if (hash.Length != StatusList.AbandonedChipKeyHashLength)
                throw new FormatException("An ac entry is a 32-byte SHA-256.");
            if (hashes.Count > 0 && hashes[^1].AsSpan().SequenceCompareTo(hash) >= 0)
                throw new FormatException("ac entries must be sorted and distinct.");
            hashes.Add(hash);
        }

        reader.ReadEndArray();
        return count is null || count == hashes.Count ? hashes : throw new FormatException("Entry count mismatch.");
    }

    public static string ReadRegion(CborReader reader)
    {
        var region = reader.ReadTextString();
        return PermitFormats.CheckRegionCode(region) is { } error ? throw new FormatException(error) : region;
    }

    /// <summary>A key limited to some regions speaks for their permits only, in status data as in credentials.</summary>
    public static string? Unauthorised(TrustedIssuerKey key, IEnumerable<string> regions) =>
        regions.FirstOrDefault(r => !key.MayIssueFor(r)) is { } region
            ? $"{StatusRefusals.NotAuthorisedForRegion}:the signing key may not publish status for region {region}"
            : null;

    public static int ReadYear(CborReader reader)
    {
        var year = reader.ReadUInt32();
        return year is >= 2000 and <= 9999 ? (int)year : throw new FormatException("A section's year lies between 2000 and 9999.");
    }

    public static long ReadUnsigned(CborReader reader) => checked((long)reader.ReadUInt64());

    private static (long? Version, long? Kind) VersionAndKind(ReadOnlyMemory<byte> payload)
    {
        var reader = new CborReader(payload, CborConformanceMode.Strict);
        long? version = null, kind = null;
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var name = reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null;
            if (name is null)
                reader.SkipValue();
            if (name == "v")
                version = ReadUnsigned(reader);
            else if (name == "k")
                kind = ReadUnsigned(reader);
            else
                reader.SkipValue();
        }

        return (version, kind);
    }
}


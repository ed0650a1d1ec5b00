using System.Formats.Cbor;
using System.IO.Compression;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Credentials.Status;

/// <summary>
/// The signed full status list v2 (docs/status-list.md): a tagged COSE_Sign1 (ES256) whose payload is the CBOR map
/// <code>
/// { "k": 0, "v": 2, "ac": [ bstr(32), ... ]?, "no": uint, "nu": uint,
///   "sc": [ [ rg: tstr(6), yr: uint, n: uint, z: bstr ], ... ],  sorted by (rg, yr), no duplicates
///   "tu": uint }
/// </code>
/// where <c>z</c> is the zlib (RFC 1950) of the section's block <c>cs[n] ‖ st[⌈n/4⌉] ‖ vu_hi[n] ‖ vu_lo[n]</c>.
/// The signature is checked before anything is inflated, and nothing inflates past the declared size.
/// </summary>
public static class StatusListCodec
{
    /// <summary>The signed file's limit (the compressed list; about 5 MB at five million cards).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>The inflated blocks' limit, all sections together: about 20 million permit slots.</summary>
    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    public static byte[] Sign(StatusList list, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(signer);
        var abandoned = list.AbandonedChipKeys;
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(6 + (abandoned.Count > 0 ? 1 : 0));
        StatusEnvelope.WriteHeader(writer, StatusEnvelope.FullKind);
        if (abandoned.Count > 0)
            StatusEnvelope.WriteChipKeys(writer, abandoned);
        writer.WriteTextString("no");
        writer.WriteInt64(list.Number);
        writer.WriteTextString("nu");
        writer.WriteInt64(list.NextUpdate.ToUnixTimeSeconds());
        writer.WriteTextString("sc");
        var sections = list.Sections;
        writer.WriteStartArray(sections.Count);
        foreach (var section in sections)
        {
            writer.WriteStartArray(4);
            writer.WriteTextString(section.Key.Region);
            writer.WriteInt32(section.Key.Year);
            writer.WriteInt32(section.Length);
            writer.WriteByteString(Deflate(section.Block));
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteTextString("tu");
        writer.WriteInt64(list.ThisUpdate.ToUnixTimeSeconds());
        writer.WriteEndMap();
        return CoseSign1.Sign(writer.Encode(), signer);
    }

    /// <summary>Checks the signature against <paramref name="trust"/>, then the payload, then inflates and checks every section.</summary>
    public static StatusReadResult<StatusList> Read(byte[] signedData, TrustList trust)
    {
        ArgumentNullException.ThrowIfNull(signedData);
        ArgumentNullException.ThrowIfNull(trust);
        if (StatusEnvelope.Open(signedData, trust, MaxBytes, StatusEnvelope.FullKind, out var opened) is { } refusal)
            return StatusEnvelope.Refusal<StatusList>(refusal);
        try
        {
            return Decode(opened!);
        }
        catch (Exception e) when (StatusEnvelope.IsCborError(e) || e is InvalidDataException or EndOfStreamException)
        {
            return StatusRead.Refused<StatusList>(StatusRefusals.Malformed, $"status list payload: {e.Message}");
        }
    }

    private static StatusReadResult<StatusList> Decode(StatusEnvelope.Opened opened)
    {
        long? number = null, thisUpdate = null, nextUpdate = null;
        List<(SectionKey Key, int Length, ReadOnlyMemory<byte> Deflated)>? sections = null;
        List<byte[]> abandoned = [];
        var reader = new CborReader(opened.Payload, CborConformanceMode.Strict);
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            switch (reader.PeekState() == CborReaderState.TextString ? reader.ReadTextString() : null)
            {
                case null: reader.SkipValue(); reader.SkipValue(); break;
                case "no": number = StatusEnvelope.ReadUnsigned(reader); break;
                case "tu": thisUpdate = StatusEnvelope.ReadUnsigned(reader); break;
                case "nu": nextUpdate = StatusEnvelope.ReadUnsigned(reader); break;
                case "sc": sections = ReadSections(reader); break;
                case "ac": abandoned = StatusEnvelope.ReadChipKeys(reader); break;
                default: reader.SkipValue(); break;
            }
        }

        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || number is null || thisUpdate is null || nextUpdate is null || sections is null)
            return StatusRead.Refused<StatusList>(StatusRefusals.Malformed, "the status list misses no, tu, nu or sc");
        if (StatusEnvelope.Unauthorised(opened.Key, sections.Select(s => s.Key.Region)) is { } unauthorised)
            return StatusEnvelope.Refusal<StatusList>(unauthorised);
        // The declared sizes decide before a byte is inflated: a bomb is refused on what it claims, and a block that
        // inflates past its claim is refused at the first byte too many.
        var inflated = sections.Sum(s => StatusSection.BlockSize(s.Length));
        if (inflated > MaxInflatedBytes)
            return StatusRead.Refused<StatusList>(StatusRefusals.TooLarge, $"the sections declare {inflated} inflated bytes, over the {MaxInflatedBytes} limit");

        var read = sections.Select(s => StatusSection.FromBlock(s.Key, s.Length, Inflate(s.Deflated, StatusSection.BlockSize(s.Length)))).ToList();
        return StatusRead.Read(new StatusList(number.Value, DateTimeOffset.FromUnixTimeSeconds(thisUpdate.Value),
            DateTimeOffset.FromUnixTimeSeconds(nextUpdate.Value), read, abandoned, opened.KeyId));
    }

    private static List<(SectionKey, int, ReadOnlyMemory<byte>)> ReadSections(CborReader reader)
    {
        var sections = new List<(SectionKey Key, int, ReadOnlyMemory<byte>)>();
        var count = reader.ReadStartArray();
        while (reader.PeekState() != CborReaderState.EndArray)
        {
            if (reader.ReadStartArray() != 4)
                throw new FormatException("A section is [rg, yr, n, z].");
            var key = new SectionKey(StatusEnvelope.ReadRegion(reader), StatusEnvelope.ReadYear(reader));
            var length = StatusEnvelope.ReadUnsigned(reader);
            if (length is < 1 or > StatusSection.MaxLength)
                throw new FormatException($"{key}: n lies between 1 and {StatusSection.MaxLength}.");
            var deflated = reader.ReadByteString();
            reader.ReadEndArray();
            if (sections.Count > 0 && SectionKey.Compare(sections[^1].Key, key) >= 0)
                throw new FormatException("Sections must be sorted by region, then year, and distinct.");
            sections.Add((key, (int)length, deflated));
        }

        reader.ReadEndArray();
        return count is null || count == sections.Count ? sections : throw new FormatException("Section count mismatch.");
    }

    private static byte[] Deflate(ReadOnlySpan<byte> block)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(block);
        return output.ToArray();
    }

    // Reads exactly the declared size, then asks for one byte more: a stream that has it is refused, not read on.
    private static byte[] Inflate(ReadOnlyMemory<byte> deflated, long size)
    {
        var block = new byte[size];
        using var zlib = new ZLibStream(new MemoryStream(deflated.ToArray(), writable: false), CompressionMode.Decompress);
        zlib.ReadExactly(block);
        return zlib.ReadByte() == -1 ? block : throw new InvalidDataException("a section inflates past its declared size");
    }
}

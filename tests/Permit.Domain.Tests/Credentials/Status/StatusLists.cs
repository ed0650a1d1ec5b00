using System.Formats.Cbor;
using System.IO.Compression;
using Permit.Domain.Credentials.Status;

namespace Permit.Domain.Tests.Credentials.Status;

/// <summary>Small status lists for tests, and hand-written payloads for the attacks a codec would never write.</summary>
internal static class StatusLists
{
    public static readonly DateTimeOffset ThisUpdate = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static StatusList Build(long number, Action<StatusListBuilder> fill, DateTimeOffset? thisUpdate = null)
    {
        var builder = new StatusListBuilder();
        fill(builder);
        var at = thisUpdate ?? ThisUpdate;
        return builder.Build(number, at, at.AddHours(25));
    }

    /// <summary>A payload signed by the test issuer, written by hand so it can say what the codec never would.</summary>
    public static byte[] SignedPayload(Action<CborWriter> writeEntries, int entries, IIssuerSigner? signer = null)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(entries);
        writeEntries(writer);
        writer.WriteEndMap();
        return CoseSign1.Sign(writer.Encode(), signer ?? TestKeys.Issuer);
    }

    /// <summary>A full-list payload with one section whose declared slot count and deflated block are given.</summary>
    public static byte[] FullListWithSections(params (string Region, int Year, long Declared, byte[] Inflated)[] sections) =>
        SignedPayload(w =>
        {
            Header(w, kind: 0);
            Times(w, number: 5);
            w.WriteTextString("sc");
            w.WriteStartArray(sections.Length);
            foreach (var (region, year, declared, inflated) in sections)
            {
                w.WriteStartArray(4);
                w.WriteTextString(region);
                w.WriteInt32(year);
                w.WriteInt64(declared);
                w.WriteByteString(Zlib(inflated));
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }, 6);

    public static void Header(CborWriter writer, int kind, int version = 2)
    {
        writer.WriteTextString("k");
        writer.WriteInt32(kind);
        writer.WriteTextString("v");
        writer.WriteInt32(version);
    }

    public static void Times(CborWriter writer, long number)
    {
        writer.WriteTextString("no");
        writer.WriteInt64(number);
        writer.WriteTextString("nu");
        writer.WriteInt64(ThisUpdate.AddHours(25).ToUnixTimeSeconds());
        writer.WriteTextString("tu");
        writer.WriteInt64(ThisUpdate.ToUnixTimeSeconds());
    }

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return output.ToArray();
    }

    /// <summary>Flips one byte of the signed payload (well before the 64-byte signature at the end).</summary>
    public static byte[] Tampered(byte[] signed, int fromEnd = 80)
    {
        var copy = (byte[])signed.Clone();
        copy[^fromEnd] ^= 0x01;
        return copy;
    }
}

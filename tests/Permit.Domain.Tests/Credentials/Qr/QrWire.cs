using System.Formats.Cbor;
using System.IO.Compression;
using Permit.Domain.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Qr;

/// <summary>Takes QR text apart and puts it back together, the way a forger or another issuer's tool would.</summary>
internal static class QrWire
{
    public static byte[] Unpack(string text)
    {
        Assert.True(Base45.TryDecode(text.AsSpan(QrCredential.Prefix.Length), out var packed));
        using var zlib = new ZLibStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var cose = new MemoryStream();
        zlib.CopyTo(cose);
        return cose.ToArray();
    }

    public static string Pack(byte[] cose, bool deflate = true) => QrCredential.Prefix + Base45.Encode(deflate ? Deflate(cose) : cose);

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>The four elements of a COSE_Sign1: protected, unprotected (raw), payload, signature.</summary>
    public static (byte[] Protected, byte[] Unprotected, byte[] Payload, byte[] Signature) Split(byte[] cose)
    {
        var reader = new CborReader(cose);
        if (reader.PeekState() == CborReaderState.Tag)
        {
            reader.ReadTag();
        }

        reader.ReadStartArray();
        var protectedHeader = reader.ReadByteString();
        var unprotected = reader.ReadEncodedValue().ToArray();
        var payload = reader.ReadByteString();
        var signature = reader.ReadByteString();
        return (protectedHeader, unprotected, payload, signature);
    }

    public static byte[] Join(byte[] protectedHeader, byte[] unprotected, byte[] payload, byte[] signature, bool tagged = true)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        if (tagged)
        {
            writer.WriteTag((CborTag)18);
        }

        writer.WriteStartArray(4);
        writer.WriteByteString(protectedHeader);
        writer.WriteEncodedValue(unprotected);
        writer.WriteByteString(payload);
        writer.WriteByteString(signature);
        writer.WriteEndArray();
        return writer.Encode();
    }

    /// <summary>Claims as a CBOR map of text keys, written in the given order.</summary>
    public static byte[] ClaimsMap(params (string Key, object Value)[] claims)
    {
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(claims.Length);
        foreach (var (key, value) in claims)
        {
            writer.WriteTextString(key);
            switch (value)
            {
                case string s: writer.WriteTextString(s); break;
                case int i: writer.WriteInt32(i); break;
                case long l: writer.WriteInt64(l); break;
                case byte[] b: writer.WriteByteString(b); break;
                default: throw new ArgumentException("unsupported claim value", nameof(claims));
            }
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    public static (string, object)[] ExampleClaims(long iat = 1772355600) =>
    [
        ("v", 1), ("pn", "330211202600000015"), ("cs", 1), ("n", "张三"), ("id", "110105********002X"),
        ("rc", "330211"), ("vu", "20310114"), ("iat", iat),
    ];
}

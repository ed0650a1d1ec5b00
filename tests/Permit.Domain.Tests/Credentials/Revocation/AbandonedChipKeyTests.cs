using System.Formats.Cbor;
using System.Security.Cryptography;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Tests.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Revocation;

public class AbandonedChipKeyTests
{
    private static readonly DateTimeOffset ThisUpdate = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] High = [0xF0, .. new byte[31]];
    private static readonly byte[] Low = [0x01, .. new byte[31]];

    private static RevocationList WithAbandoned(params byte[][] hashes) =>
        new(9, ThisUpdate, ThisUpdate.AddDays(1), [new RevokedCard("330211202600000015", 1)], [], [], hashes);

    private static byte[] Payload(RevocationList list) => QrWire.Split(RevocationListCodec.Sign(list, TestKeys.Issuer)).Payload;

    [Fact]
    public void Abandoned_chip_keys_read_back_from_the_signed_list()
    {
        var read = RevocationListCodec.Read(RevocationListCodec.Sign(WithAbandoned(High, Low), TestKeys.Issuer), TestKeys.TrustsIssuer());

        var list = read.List!;
        Assert.True(list.IsChipAbandoned(High));
        Assert.True(list.IsChipAbandoned(Low));
        Assert.False(list.IsChipAbandoned(SHA256.HashData("another chip"u8)));
        Assert.Equal([Low, High], list.AbandonedChipKeys);
    }

    [Fact]
    public void Ac_is_written_right_after_v_in_canonical_order_as_sorted_32_byte_strings()
    {
        var reader = new CborReader(Payload(WithAbandoned(High, Low, High)));
        reader.ReadStartMap();
        var keys = new List<string>();
        List<byte[]> entries = [];
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.ReadTextString();
            keys.Add(key);
            if (key != "ac")
            {
                reader.SkipValue();
                continue;
            }

            reader.ReadStartArray();
            while (reader.PeekState() != CborReaderState.EndArray)
                entries.Add(reader.ReadByteString());
            reader.ReadEndArray();
        }

        Assert.Equal(["v", "ac", "no", "nu", "rv", "tu"], keys);
        Assert.Equal([Low, High], entries);
    }

    [Fact]
    public void A_list_without_abandoned_chips_has_no_ac_key_so_its_bytes_are_unchanged()
    {
        var without = Payload(new RevocationList(9, ThisUpdate, ThisUpdate.AddDays(1), [new RevokedCard("330211202600000015", 1)]));

        var reader = new CborReader(without);
        var keys = new List<string>();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            keys.Add(reader.ReadTextString());
            reader.SkipValue();
        }

        Assert.Equal(["v", "no", "nu", "rv", "tu"], keys);
    }

    [Theory]
    [InlineData("unsorted")]
    [InlineData("duplicate")]
    [InlineData("short")]
    public void A_signed_list_whose_ac_is_unsorted_repeated_or_not_32_bytes_is_malformed(string fault)
    {
        byte[][] entries = fault switch
        {
            "unsorted" => [High, Low],
            "duplicate" => [Low, Low],
            _ => [Low[..16]],
        };
        var writer = new CborWriter(CborConformanceMode.Lax);
        writer.WriteStartMap(6);
        writer.WriteTextString("v"); writer.WriteInt32(1);
        writer.WriteTextString("ac");
        writer.WriteStartArray(entries.Length);
        foreach (var entry in entries)
            writer.WriteByteString(entry);
        writer.WriteEndArray();
        writer.WriteTextString("no"); writer.WriteInt32(1);
        writer.WriteTextString("nu"); writer.WriteInt64(ThisUpdate.AddDays(1).ToUnixTimeSeconds());
        writer.WriteTextString("rv"); writer.WriteStartArray(0); writer.WriteEndArray();
        writer.WriteTextString("tu"); writer.WriteInt64(ThisUpdate.ToUnixTimeSeconds());
        writer.WriteEndMap();

        var read = RevocationListCodec.Read(CoseSign1.Sign(writer.Encode(), TestKeys.Issuer), TestKeys.TrustsIssuer());

        Assert.Equal(RefusalReason.Malformed, read.Reason);
    }

    [Fact]
    public void An_abandoned_chip_key_must_be_a_32_byte_hash() =>
        Assert.Throws<ArgumentException>(() => WithAbandoned(new byte[20]));
}

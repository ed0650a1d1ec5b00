using System.Formats.Cbor;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Tests.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Revocation;

public class RevocationListTests
{
    private static readonly DateTimeOffset ThisUpdate = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static RevocationList Example() => new(7, ThisUpdate, ThisUpdate.AddDays(7),
        [new RevokedCard("330211202600000023", 1), new RevokedCard("330211202600000015", 2), new RevokedCard("330211202600000015", 1)]);

    [Fact]
    public void A_signed_list_reads_back_with_its_entries_dates_version_and_issuer()
    {
        var read = RevocationListCodec.Read(RevocationListCodec.Sign(Example(), TestKeys.Issuer), TestKeys.TrustsIssuer());

        var list = read.List!;
        Assert.Equal(7, list.Version);
        Assert.Equal(ThisUpdate, list.ThisUpdate);
        Assert.Equal(ThisUpdate.AddDays(7), list.NextUpdate);
        Assert.Equal(TestKeys.IssuerKeyIdHex, IssuerKeyId.ToHex(list.IssuerKeyId));
        Assert.True(list.IsRevoked("330211202600000015", 2));
        Assert.False(list.IsRevoked("330211202600000015", 3));
    }

    [Fact]
    public void Entries_are_encoded_sorted_by_permit_number_then_sequence()
    {
        var (_, _, payload, _) = QrWire.Split(RevocationListCodec.Sign(Example(), TestKeys.Issuer));
        var reader = new CborReader(payload);
        reader.ReadStartMap();
        var keys = new List<string>();
        var entries = new List<string>();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.ReadTextString();
            keys.Add(key);
            if (key != "rv")
            {
                reader.SkipValue();
                continue;
            }

            reader.ReadStartArray();
            while (reader.PeekState() != CborReaderState.EndArray)
            {
                reader.ReadStartArray();
                entries.Add($"{reader.ReadTextString()}/{reader.ReadInt32()}");
                reader.ReadEndArray();
            }

            reader.ReadEndArray();
        }

        Assert.Equal(["v", "no", "nu", "rv", "tu"], keys);
        Assert.Equal(["330211202600000015/1", "330211202600000015/2", "330211202600000023/1"], entries);
    }

    [Fact]
    public void A_list_is_stale_only_after_its_next_update()
    {
        var list = Example();

        Assert.False(list.IsStale(ThisUpdate.AddDays(7)));
        Assert.True(list.IsStale(ThisUpdate.AddDays(7).AddSeconds(1)));
    }

    [Fact]
    public void A_list_from_an_untrusted_issuer_is_refused_as_unknown_key() =>
        Assert.Equal(RefusalReason.UnknownKey, RevocationListCodec.Read(RevocationListCodec.Sign(Example(), TestKeys.OtherIssuer), TestKeys.TrustsIssuer()).Reason);

    [Fact]
    public void A_list_with_an_entry_removed_after_signing_is_refused_as_bad_signature()
    {
        var (p, u, _, sig) = QrWire.Split(RevocationListCodec.Sign(Example(), TestKeys.Issuer));
        var (_, _, shorterPayload, _) = QrWire.Split(RevocationListCodec.Sign(
            new RevocationList(7, ThisUpdate, ThisUpdate.AddDays(7), [new RevokedCard("330211202600000023", 1)]), TestKeys.Issuer));

        var read = RevocationListCodec.Read(QrWire.Join(p, u, shorterPayload, sig), TestKeys.TrustsIssuer());

        Assert.Equal(RefusalReason.BadSignature, read.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("D2")]
    [InlineData("D28440A04040")]
    [InlineData("A0")]
    public void Bytes_that_are_not_a_signed_list_are_malformed(string hex) =>
        Assert.Equal(RefusalReason.Malformed, RevocationListCodec.Read(Convert.FromHexString(hex), TestKeys.TrustsIssuer()).Reason);

    [Fact]
    public void A_signed_payload_that_is_not_a_list_is_malformed()
    {
        var signed = CoseSign1.Sign(QrWire.ClaimsMap(("v", 1), ("no", 1)), TestKeys.Issuer);

        Assert.Equal(RefusalReason.Malformed, RevocationListCodec.Read(signed, TestKeys.TrustsIssuer()).Reason);
    }

    [Fact]
    public void Next_update_must_come_after_this_update() =>
        Assert.Throws<ArgumentException>(() => new RevocationList(1, ThisUpdate, ThisUpdate, []));
}

using System.Formats.Cbor;
using System.IO.Compression;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Status;
using Permit.Domain.Credentials.Verification;
using Permit.Domain.Tests.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Status;

/// <summary>
/// The status list v2 as a verifier meets it: the slot is found from the permit number alone, a delta moves a held list
/// forward, and the one verifier refuses or accepts cards and QR codes by it exactly as by the v1 list.
/// </summary>
public class StatusListTests
{
    // Examples.Permit is valid until 2031-01-14 (China); the day after, in China.
    private static readonly DateTimeOffset DayAfterValidUntil = new(2031, 1, 15, 4, 0, 0, TimeSpan.Zero);

    private static string Number => Examples.Permit.PermitNumber;

    private static StatusList Read(byte[] signed) => StatusListCodec.Read(signed, TestKeys.TrustsIssuer()).Value!;

    private static StatusList Held(Action<StatusListBuilder> fill, DateTimeOffset? at = null) =>
        Read(StatusListCodec.Sign(StatusLists.Build(4, fill, at), TestKeys.Issuer));

    private static CredentialVerdict VerifyCard(StatusList list, DateTimeOffset now, int sequence = 1)
    {
        var card = Examples.Card(Examples.Permit with { CardSequence = sequence });
        return CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), TestKeys.TrustsIssuer(), new RevocationKnowledge(list), now);
    }

    private static CredentialVerdict VerifyQr(StatusList list, DateTimeOffset now) =>
        CredentialVerifier.VerifyQr(QrCredential.Issue(QrClaims.ForPermit(Examples.Permit, Examples.Now), TestKeys.Issuer),
            TestKeys.TrustsIssuer(), new RevocationKnowledge(list), now);

    [Fact]
    public void A_signed_list_reads_back_with_every_slot_found_by_permit_number_alone()
    {
        var list = Held(b => b
            .Set("330211202600000015", new StatusEntry(2, CardState.Revoked, null))
            .Set("330211202600000023", new StatusEntry(1, CardState.Valid, new DateOnly(2032, 1, 14)))
            .Set("330212202500000014", new StatusEntry(3, CardState.Suspended, null)));

        Assert.Equal(4, list.Number);
        Assert.Equal(StatusLists.ThisUpdate, list.ThisUpdate);
        Assert.Equal(TestKeys.IssuerKeyIdHex, Convert.ToHexStringLower(list.IssuerKeyId!));
        Assert.Equal(3, list.CardCount);
        Assert.True(list.IsRevoked("330211202600000015", 2));
        Assert.True(list.IsRevoked("330211202600000015", 1));
        Assert.False(list.IsRevoked("330211202600000015", 3));
        Assert.Equal(new DateOnly(2032, 1, 14), list.ExtendedValidUntil("330211202600000023", 1));
        Assert.True(list.IsSuspended("330212202500000014", 3));
        Assert.False(list.IsRevoked("330211202600000031", 1));
        Assert.False(list.IsRevoked("330211202699999999", 1));
    }

    [Fact]
    public void A_revoked_card_is_refused_offline_once_a_delta_says_so()
    {
        var before = StatusLists.Build(4, b => b.Set(Number, new StatusEntry(1, CardState.Valid, null)));
        var after = StatusLists.Build(5, b => b.Set(Number, new StatusEntry(1, CardState.Revoked, null)), StatusLists.ThisUpdate.AddDays(1));
        var held = Read(StatusListCodec.Sign(before, TestKeys.Issuer));
        Assert.True(VerifyCard(held, Examples.Now).Accepted);

        var delta = StatusDeltaCodec.Read(StatusDeltaCodec.Sign(StatusDelta.Between(before, after), TestKeys.Issuer), TestKeys.TrustsIssuer()).Value!;
        var moved = StatusListSequence.Advance(held, held.Number, delta).Value!;

        Assert.Equal(5, moved.Number);
        Assert.Equal("revoked", VerifyCard(moved, Examples.Now).ReasonCode);
        Assert.Equal("revoked", VerifyQr(moved, Examples.Now).ReasonCode);
    }

    [Fact]
    public void A_card_and_a_QR_of_a_suspended_permit_are_refused_as_suspended()
    {
        var list = Held(b => b.Set(Number, new StatusEntry(1, CardState.Suspended, null)));

        Assert.Equal("suspended", VerifyCard(list, Examples.Now).ReasonCode);
        Assert.Equal("suspended", VerifyQr(list, Examples.Now).ReasonCode);
    }

    [Fact]
    public void An_endorsed_card_past_its_written_valid_until_is_valid_by_the_lists_extension()
    {
        var list = Held(b => b.Set(Number, new StatusEntry(1, CardState.Valid, new DateOnly(2032, 1, 14))), DayAfterValidUntil.AddDays(-1));

        var card = VerifyCard(list, DayAfterValidUntil);

        Assert.True(card.Accepted);
        Assert.True(VerifyQr(list, DayAfterValidUntil).Accepted);
        Assert.Contains("2032-01-14", card[VerificationCheck.ValidityDate].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reissued_permits_older_card_is_refused_and_the_extension_counts_only_for_the_current_card()
    {
        var list = Held(b => b.Set(Number, new StatusEntry(2, CardState.Valid, new DateOnly(2032, 1, 14))), DayAfterValidUntil.AddDays(-1));

        Assert.Equal("revoked", VerifyCard(list, Examples.Now, sequence: 1).ReasonCode);
        Assert.True(VerifyCard(list, Examples.Now, sequence: 2).Accepted);
        Assert.Null(list.ExtendedValidUntil(Number, 1));
    }

    [Fact]
    public void A_delta_carries_only_the_slots_that_changed_and_the_chips_abandoned_since()
    {
        var chip = Enumerable.Repeat((byte)0xAB, 32).ToArray();
        var before = StatusLists.Build(4, b => b
            .Set("330211202600000015", new StatusEntry(1, CardState.Valid, null))
            .Set("330211202600000023", new StatusEntry(1, CardState.Valid, null)));
        var after = StatusLists.Build(9, b => b
            .Set("330211202600000015", new StatusEntry(1, CardState.Valid, null))
            .Set("330211202600000023", new StatusEntry(2, CardState.Valid, null))
            .Set("330211202700000012", new StatusEntry(1, CardState.Valid, null))
            .AbandonChip(chip));

        var delta = StatusDeltaCodec.Read(StatusDeltaCodec.Sign(StatusDelta.Between(before, after), TestKeys.Issuer), TestKeys.TrustsIssuer()).Value!;
        var moved = delta.ApplyTo(before).Value!;

        Assert.Equal(4, delta.BaseNumber);
        Assert.Equal(9, delta.Number);
        Assert.Equal(2, delta.Changes.Count);
        Assert.True(moved.IsRevoked("330211202600000023", 1));
        Assert.Equal(1, moved.Find("330211202700000012").CurrentSequence);
        Assert.True(moved.IsChipAbandoned(chip));
    }

    [Fact]
    public void The_documented_example_section_is_encoded_byte_for_byte()
    {
        // docs/status-list.md, "Full list payload": serial 1 = card 2 revoked, serial 2 = nothing, serial 3 = card 1
        // valid and extended to 2032-01-14 (day 22658).
        var list = StatusLists.Build(4, b => b
            .Set("330211202600000015", new StatusEntry(2, CardState.Revoked, null))
            .Set("330211202600000031", new StatusEntry(1, CardState.Valid, new DateOnly(2032, 1, 14))));
        var (_, _, payload, _) = QrWire.Split(StatusListCodec.Sign(list, TestKeys.Issuer));
        var reader = new CborReader(payload);
        reader.ReadStartMap();
        var keys = new List<string>();
        byte[]? deflated = null;
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = reader.ReadTextString();
            keys.Add(key);
            if (key != "sc")
            {
                reader.SkipValue();
                continue;
            }

            reader.ReadStartArray();
            reader.ReadStartArray();
            Assert.Equal(("330211", 2026u, 3u), (reader.ReadTextString(), reader.ReadUInt32(), reader.ReadUInt32()));
            deflated = reader.ReadByteString();
            reader.ReadEndArray();
            reader.ReadEndArray();
        }

        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(deflated!), CompressionMode.Decompress))
            zlib.CopyTo(inflated);

        Assert.Equal(["k", "v", "no", "nu", "sc", "tu"], keys);
        Assert.Equal("02000101000058000082", Convert.ToHexString(inflated.ToArray()));
    }
}

using Permit.Domain.Credentials.Status;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Tests.Credentials.Status;

/// <summary>
/// Each test performs an attack on the status data a verifier downloads and shows it is refused, leaving the caller
/// with nothing to replace its held list by (docs/status-list.md, "Refusals").
/// </summary>
public class StatusListAttackTests
{
    private const string Number = "330211202600000015";

    private static readonly StatusList Before = StatusLists.Build(4, b => b.Set(Number, new StatusEntry(1, CardState.Valid, null)));

    private static readonly StatusList After = StatusLists.Build(5, b => b.Set(Number, new StatusEntry(1, CardState.Revoked, null)));

    private static StatusReadResult<StatusList> ReadFull(byte[] signed, TrustList? trust = null) =>
        StatusListCodec.Read(signed, trust ?? TestKeys.TrustsIssuer());

    private static StatusReadResult<StatusDelta> ReadDelta(byte[] signed, TrustList? trust = null) =>
        StatusDeltaCodec.Read(signed, trust ?? TestKeys.TrustsIssuer());

    private static TrustList IssuerWith(TrustedKeyStatus status, IReadOnlyList<string>? regions = null)
    {
        using var key = TestKeys.Load(TestKeys.IssuerPem);
        return new TrustList([TrustedIssuerKey.FromKey(key, "test issuer").WithPolicy(status, null, null, regions)]);
    }

    [Fact]
    public void A_full_list_with_one_byte_changed_is_refused()
    {
        var read = ReadFull(StatusLists.Tampered(StatusListCodec.Sign(After, TestKeys.Issuer)));

        Assert.Equal("bad-signature", read.Code);
        Assert.Null(read.Value);
    }

    [Fact]
    public void A_delta_with_one_byte_changed_is_refused()
    {
        var read = ReadDelta(StatusLists.Tampered(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.Issuer)));

        Assert.Equal("bad-signature", read.Code);
    }

    [Fact]
    public void A_delta_made_for_another_base_list_is_refused_and_changes_nothing()
    {
        var other = StatusLists.Build(3, b => b.Set(Number, new StatusEntry(1, CardState.Valid, null)));
        var delta = ReadDelta(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.Issuer)).Value!;

        var applied = StatusListSequence.Advance(other, other.Number, delta);

        Assert.Equal("wrong-base", applied.Code);
        Assert.False(other.IsRevoked(Number, 1));
    }

    [Fact]
    public void An_older_full_list_or_delta_than_the_state_held_is_refused_as_rollback()
    {
        var delta = ReadDelta(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.Issuer)).Value!;

        // The verifier holds list 4 moved forward to 7 by a later delta: the genuine but older delta 4→5 must not win.
        Assert.Equal("rollback", StatusListSequence.Advance(Before, heldNumber: 7, delta).Code);
        Assert.Equal("rollback", StatusListSequence.RefuseRollback<StatusList>(heldNumber: 7, Before.Number)!.Code);
        Assert.Null(StatusListSequence.RefuseRollback<StatusList>(heldNumber: 4, After.Number));
    }

    [Fact]
    public void Lists_and_deltas_signed_by_a_key_off_the_trust_list_are_refused()
    {
        Assert.Equal("unknown-key", ReadFull(StatusListCodec.Sign(After, TestKeys.OtherIssuer)).Code);
        Assert.Equal("unknown-key", ReadDelta(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.OtherIssuer)).Code);
    }

    [Fact]
    public void Lists_and_deltas_signed_by_a_revoked_issuer_key_are_refused()
    {
        var revoked = IssuerWith(TrustedKeyStatus.Revoked);

        Assert.Equal("issuer-key-revoked", ReadFull(StatusListCodec.Sign(After, TestKeys.Issuer), revoked).Code);
        Assert.Equal("issuer-key-revoked", ReadDelta(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.Issuer), revoked).Code);
    }

    [Fact]
    public void A_key_limited_to_another_region_cannot_publish_status_for_this_one()
    {
        var ningboOnly = IssuerWith(TrustedKeyStatus.Active, ["330205"]);

        Assert.Equal("issuer-not-authorised-for-region", ReadFull(StatusListCodec.Sign(After, TestKeys.Issuer), ningboOnly).Code);
        Assert.Equal("issuer-not-authorised-for-region",
            ReadDelta(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.Issuer), ningboOnly).Code);
    }

    [Fact]
    public void Sections_declaring_more_than_the_inflated_limit_are_refused_before_anything_is_inflated()
    {
        // Three full sections declare 3 × 9 999 999 slots (about 97 MB inflated) behind a few bytes each.
        var bomb = StatusLists.FullListWithSections(
            ("330211", 2024, 9_999_999, [0]), ("330211", 2025, 9_999_999, [0]), ("330211", 2026, 9_999_999, [0]));

        Assert.Equal("too-large", ReadFull(bomb).Code);
    }

    [Fact]
    public void A_section_that_inflates_past_its_declared_size_is_refused()
    {
        // Declares 4 slots (13 bytes) but inflates to 16 MiB of zeros.
        var bomb = StatusLists.FullListWithSections(("330211", 2026, 4, new byte[16 * 1024 * 1024]));

        var read = ReadFull(bomb);

        Assert.Equal("malformed", read.Code);
        Assert.Contains("past its declared size", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_whose_block_is_truncated_is_refused()
    {
        Assert.Equal("malformed", ReadFull(StatusLists.FullListWithSections(("330211", 2026, 4, new byte[12]))).Code);
    }

    [Fact]
    public void A_slot_with_the_undefined_state_or_a_state_without_a_card_is_refused()
    {
        byte[] undefinedState = [1, 0, 0, 0, 0b11, 0, 0, 0, 0, 0, 0, 0, 0];
        byte[] stateWithoutCard = [0, 0, 0, 0, 0b01, 0, 0, 0, 0, 0, 0, 0, 0];

        Assert.Equal("malformed", ReadFull(StatusLists.FullListWithSections(("330211", 2026, 4, undefinedState))).Code);
        Assert.Equal("malformed", ReadFull(StatusLists.FullListWithSections(("330211", 2026, 4, stateWithoutCard))).Code);
    }

    [Fact]
    public void A_serial_past_a_sections_end_has_no_status_and_a_change_with_a_serial_out_of_range_is_refused()
    {
        var list = ReadFull(StatusListCodec.Sign(After, TestKeys.Issuer)).Value!;
        Assert.True(list.Find("330211202699999999").IsEmpty);
        Assert.True(list.Find(new SectionKey("330211", 2026), 0).IsEmpty);

        var outOfRange = StatusLists.SignedPayload(w =>
        {
            StatusLists.Header(w, kind: 1);
            StatusLists.Times(w, number: 5);
            w.WriteTextString("bn");
            w.WriteInt32(4);
            w.WriteTextString("ch");
            w.WriteStartArray(1);
            w.WriteStartArray(6);
            w.WriteTextString("330211");
            w.WriteInt32(2026);
            w.WriteInt32(10_000_000);
            w.WriteInt32(1);
            w.WriteInt32(1);
            w.WriteInt32(0);
            w.WriteEndArray();
            w.WriteEndArray();
        }, 7);

        Assert.Equal("malformed", ReadDelta(outOfRange).Code);
    }

    [Fact]
    public void A_payload_of_an_unknown_version_is_refused_whatever_else_it_holds()
    {
        var future = StatusLists.SignedPayload(w =>
        {
            StatusLists.Header(w, kind: 0, version: 3);
            w.WriteTextString("sc");
            w.WriteTextString("a shape this reader has never seen");
        }, 3);

        Assert.Equal("unknown-version", ReadFull(future).Code);
    }

    [Fact]
    public void A_delta_is_not_read_as_a_full_list_nor_a_full_list_as_a_delta()
    {
        Assert.Equal("malformed", ReadFull(StatusDeltaCodec.Sign(StatusDelta.Between(Before, After), TestKeys.Issuer)).Code);
        Assert.Equal("malformed", ReadDelta(StatusListCodec.Sign(After, TestKeys.Issuer)).Code);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_unread()
    {
        Assert.Equal("too-large", ReadDelta(new byte[StatusDeltaCodec.MaxBytes + 1]).Code);
    }
}

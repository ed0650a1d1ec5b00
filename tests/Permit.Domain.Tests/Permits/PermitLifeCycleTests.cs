using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Tests.Applications;

namespace Permit.Domain.Tests.Permits;

public sealed class PermitLifeCycleTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_permit_waits_for_its_first_card_before_it_is_active()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).AwaitingFirstCard().Build();

        Assert.Equal(PermitStatus.PendingCard, permit.Status);
        Assert.False(permit.IsValidOn(D(2025, 9, 21)));
        DomainAssert.Breaks("permit-not-in-force", () => permit.Endorse(D(2026, 9, 1), true));

        permit.ConfirmCardIssued(PermitBuilder.FirstChip, 1, D(2025, 9, 22));

        Assert.Equal(PermitStatus.Active, permit.Status);
        Assert.True(permit.IsValidOn(D(2025, 9, 22)));
        Assert.Equal(CardStatus.Issued, permit.CurrentCard.Status);
        Assert.Equal(PermitBuilder.FirstChip, permit.CurrentCard.Serial);
    }

    [Fact]
    public void A_permit_is_issued_only_for_an_approved_application()
    {
        var accepted = new ApplicationBuilder().Accepted().Build();

        DomainAssert.Breaks(
            "permit-application-not-approved",
            () => ResidencePermit.Issue(accepted, PermitNumber.Create(RegionCode.Zhenhai, 2025, 1), PermitBuilder.IssuingAuthority, D(2025, 9, 20)));
    }

    [Fact]
    public void The_permit_number_carries_the_issue_year()
    {
        var approved = new ApplicationBuilder().Approved().Build();

        DomainAssert.Breaks(
            "permit-number-year-mismatch",
            () => ResidencePermit.Issue(approved, PermitNumber.Create(RegionCode.Zhenhai, 2024, 1), PermitBuilder.IssuingAuthority, D(2025, 9, 20)));
    }

    [Fact]
    public void Issuing_copies_the_holder_from_the_application()
    {
        var approved = new ApplicationBuilder().Approved().Build();

        var permit = ResidencePermit.Issue(approved, PermitNumber.Create(RegionCode.Zhenhai, 2025, 7), PermitBuilder.IssuingAuthority, D(2025, 9, 20));

        Assert.Equal(approved.ResidentId, permit.ResidentId);
        Assert.Equal(approved.Id, permit.ApplicationId);
        Assert.Equal(D(2025, 9, 20), permit.ContinuousResidenceSince);
    }

    [Fact]
    public void An_unendorsed_permit_is_suspended_the_day_after_it_expires_and_only_once()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 5, 10)).Build();

        DomainAssert.Breaks("permit-not-overdue", () => permit.SuspendForMissedEndorsement(D(2026, 5, 9)));
        Assert.True(permit.SuspendForMissedEndorsement(D(2026, 5, 10)));
        Assert.False(permit.SuspendForMissedEndorsement(D(2026, 5, 11)));

        Assert.Equal(PermitStatus.Suspended, permit.Status);
        Assert.Equal(D(2026, 5, 10), permit.SuspendedOn);
        Assert.False(permit.IsValidOn(D(2026, 5, 11)));
    }

    [Fact]
    public void The_endorsement_is_overdue_from_the_day_after_validity_ends_until_the_permit_is_suspended()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 5, 10)).Build();

        Assert.False(permit.IsEndorsementOverdue(D(2026, 5, 9)));
        Assert.True(permit.IsEndorsementOverdue(D(2026, 5, 10)));
        permit.SuspendForMissedEndorsement(D(2026, 5, 10));
        Assert.False(permit.IsEndorsementOverdue(D(2026, 5, 10)));
    }

    [Fact]
    public void A_late_endorsement_restores_the_permit_and_restarts_the_residence_count()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 5, 10)).Build();
        permit.SuspendForMissedEndorsement(D(2026, 5, 10));

        var endorsement = permit.Endorse(D(2026, 8, 20), holderStillQualifies: true);

        Assert.True(endorsement.IsLate);
        Assert.Equal(PermitStatus.Active, permit.Status);
        Assert.Null(permit.SuspendedOn);
        Assert.Equal(D(2026, 8, 20), permit.ContinuousResidenceSince);
        Assert.Equal(D(2026, 8, 20), permit.Anchor);
        Assert.Equal(D(2027, 8, 19), permit.ValidUntil);
        Assert.Equal(new EndorsementWindow(D(2027, 7, 20), D(2027, 8, 19)), permit.EndorsementWindow);
    }

    [Fact]
    public void A_suspended_holder_who_no_longer_qualifies_stays_suspended()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 5, 10)).Build();
        permit.SuspendForMissedEndorsement(D(2026, 5, 10));

        DomainAssert.Breaks("endorsement-conditions-not-met", () => permit.Endorse(D(2026, 8, 20), holderStillQualifies: false));
        Assert.Equal(PermitStatus.Suspended, permit.Status);
    }

    [Theory]
    [InlineData(PermitEndReason.LocalHukou)]
    [InlineData(PermitEndReason.Death)]
    [InlineData(PermitEndReason.NoLongerQualifies)]
    public void Termination_ends_the_permit_and_revokes_its_card(PermitEndReason reason)
    {
        var permit = new PermitBuilder().Build();

        permit.Terminate(reason, D(2026, 1, 5));

        Assert.Equal(PermitStatus.Terminated, permit.Status);
        Assert.Equal(reason, permit.EndReason);
        Assert.Equal(CardStatus.Revoked, permit.CurrentCard.Status);
        Assert.Equal(CardRevocationReason.PermitEnded, permit.CurrentCard.RevocationReason);
    }

    [Fact]
    public void Fraud_revokes_rather_than_terminates()
    {
        var permit = new PermitBuilder().Build();

        DomainAssert.Breaks("permit-end-reason-invalid", () => permit.Terminate(PermitEndReason.Fraud, D(2026, 1, 5)));
        permit.RevokeForFraud("伪造劳动合同", D(2026, 1, 5));

        Assert.Equal(PermitStatus.Revoked, permit.Status);
        Assert.Equal(PermitEndReason.Fraud, permit.EndReason);
        Assert.Equal("伪造劳动合同", permit.EndNote);
    }

    [Fact]
    public void Revoking_a_terminated_permit_is_refused()
    {
        var permit = new PermitBuilder().Build();
        permit.Terminate(PermitEndReason.LocalHukou, D(2026, 1, 5));

        DomainAssert.Breaks("permit-already-ended", () => permit.RevokeForFraud("伪造劳动合同", D(2026, 1, 6)));
        Assert.Equal(PermitStatus.Terminated, permit.Status);
    }

    [Fact]
    public void An_ended_permit_can_be_neither_endorsed_nor_suspended_nor_given_a_card()
    {
        var permit = new PermitBuilder().IssuedOn(D(2025, 9, 20)).Build();
        permit.RevokeForFraud("冒用他人身份", D(2026, 1, 5));

        DomainAssert.Breaks("permit-already-ended", () => permit.Endorse(D(2026, 9, 1), true));
        DomainAssert.Breaks("permit-already-ended", () => permit.SuspendForMissedEndorsement(D(2026, 9, 20)));
        DomainAssert.Breaks("permit-already-ended", () => permit.ReplaceLostCard(D(2026, 1, 6)));
        DomainAssert.Breaks("permit-already-ended", () => permit.Terminate(PermitEndReason.Death, D(2026, 1, 6)));
    }

    [Fact]
    public void A_permit_still_waiting_for_its_card_cannot_be_suspended() =>
        DomainAssert.Breaks(
            "permit-not-in-force",
            () => new PermitBuilder().IssuedOn(D(2025, 9, 20)).AwaitingFirstCard().Build().SuspendForMissedEndorsement(D(2026, 9, 20)));
}

using Permit.Domain.Applications;
using Permit.Domain.Registrations;
using Permit.Domain.Tests.Registrations;

namespace Permit.Domain.Tests.Applications;

public sealed class PermitApplicationTests
{
    [Fact]
    public void Every_missing_document_is_named_at_once()
    {
        var application = new ApplicationBuilder().WithoutDocuments().Build();

        Assert.Equal(
            [DocumentRequirement.IdCard, DocumentRequirement.Photo, DocumentRequirement.ProofOfEmployment],
            application.MissingDocuments);
        var ex = DomainAssert.Breaks("application-documents-missing", () => application.Accept(new DateOnly(2025, 9, 10)));
        Assert.Contains("ID card", ex.Message, StringComparison.Ordinal);
        Assert.Contains("photo", ex.Message, StringComparison.Ordinal);
        Assert.Contains("labour contract or business licence", ex.Message, StringComparison.Ordinal);
        Assert.Equal("id-card,photo,proof-of-employment", ex.Details["missingDocuments"]);
    }

    [Fact]
    public void A_business_licence_proves_employment_as_well_as_a_labour_contract()
    {
        var application = new ApplicationBuilder().WithoutDocuments().Build();
        var today = new DateOnly(2025, 9, 10);

        application.AddDocument(DocumentKind.IdCard, "scans/id", today);
        application.AddDocument(DocumentKind.BusinessLicence, "scans/licence", today);

        Assert.Equal([DocumentRequirement.Photo], application.MissingDocuments);
    }

    [Theory]
    [InlineData(ResidenceBasis.Residence, DocumentKind.PropertyCertificate)]
    [InlineData(ResidenceBasis.Residence, DocumentKind.TenancyRegistration)]
    [InlineData(ResidenceBasis.Study, DocumentKind.EnrolmentCertificate)]
    public void Each_basis_has_its_own_proof(ResidenceBasis basis, DocumentKind proof)
    {
        var application = new ApplicationBuilder().WithBasis(basis).WithoutDocuments().Build();
        var today = new DateOnly(2025, 9, 10);
        application.AddDocument(DocumentKind.IdCard, "scans/id", today);
        application.AddDocument(DocumentKind.Photo, "scans/photo", today);
        Assert.Single(application.MissingDocuments);

        application.AddDocument(proof, "scans/proof", today);

        Assert.Empty(application.MissingDocuments);
    }

    [Fact]
    public void A_labour_contract_does_not_prove_study()
    {
        var application = new ApplicationBuilder().WithBasis(ResidenceBasis.Study).WithoutDocuments().Build();

        application.AddDocument(DocumentKind.LabourContract, "scans/contract", new DateOnly(2025, 9, 10));

        Assert.Contains(DocumentRequirement.ProofOfStudy, application.MissingDocuments);
    }

    [Fact]
    public void Accepting_sets_the_issue_due_date_15_days_later()
    {
        var application = new ApplicationBuilder().Accepted().Build();

        Assert.Equal(ApplicationStatus.Accepted, application.Status);
        Assert.Equal(new DateOnly(2025, 9, 10), application.AcceptedOn);
        Assert.Equal(new DateOnly(2025, 9, 25), application.DueDate);
    }

    [Fact]
    public void An_undecided_application_is_overdue_the_day_after_its_due_date()
    {
        var application = new ApplicationBuilder().Accepted().Build();

        Assert.False(application.IsOverdue(new DateOnly(2025, 9, 25)));
        Assert.True(application.IsOverdue(new DateOnly(2025, 9, 26)));
    }

    [Fact]
    public void The_due_date_extends_once_to_30_days_after_acceptance()
    {
        var application = new ApplicationBuilder().Accepted().Build();

        application.ExtendDueDate(ApplicationBuilder.Supervisor, "单位证明待核实");

        Assert.Equal(new DateOnly(2025, 10, 10), application.DueDate);
        Assert.False(application.IsOverdue(new DateOnly(2025, 10, 10)));
        DomainAssert.Breaks("application-due-date-already-extended", () => application.ExtendDueDate(ApplicationBuilder.Supervisor, "再次延长"));
    }

    [Fact]
    public void A_clerk_cannot_extend_the_due_date_and_an_extension_needs_a_reason()
    {
        var application = new ApplicationBuilder().Accepted().Build();
        var due = application.DueDate;

        DomainAssert.Breaks("application-extension-requires-supervisor", () => application.ExtendDueDate(new Official("clerk-1", OfficialRole.Clerk), "单位证明待核实"));
        DomainAssert.Breaks("application-extension-reason-required", () => application.ExtendDueDate(ApplicationBuilder.Supervisor, "  "));

        Assert.Equal(due, application.DueDate);
        Assert.False(application.DueDateExtended);
    }

    [Fact]
    public void A_decided_application_is_never_overdue()
    {
        var application = new ApplicationBuilder().Approved().Build();

        Assert.False(application.IsOverdue(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void An_applicant_registered_five_months_and_thirty_days_ago_is_not_accepted()
    {
        var application = new ApplicationBuilder().Build();

        var ex = DomainAssert.Breaks("application-not-eligible", () => application.Accept(new DateOnly(2025, 9, 9)));
        Assert.Contains("2025-09-10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exempt_talent_is_accepted_on_the_day_of_registration()
    {
        var application = new ApplicationBuilder().Exempt(DistrictExemption.Talent).Build();

        application.Accept(new DateOnly(2025, 3, 10));

        Assert.Equal(ApplicationStatus.Accepted, application.Status);
    }

    [Fact]
    public void Only_a_supervisor_approves()
    {
        var application = new ApplicationBuilder().Accepted().Build();

        DomainAssert.Breaks("application-approval-requires-supervisor", () => application.Approve(ApplicationBuilder.Clerk, new DateOnly(2025, 9, 12)));
        application.Approve(ApplicationBuilder.Supervisor, new DateOnly(2025, 9, 12));

        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal("zh-sup-01", application.DecidedBy);
    }

    [Fact]
    public void A_rejection_records_its_reason_and_ends_the_application()
    {
        var application = new ApplicationBuilder().Accepted().Build();

        application.Reject("劳动合同已过期", ApplicationBuilder.Clerk, new DateOnly(2025, 9, 12));

        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal("劳动合同已过期", application.RejectionReason);
        DomainAssert.Breaks("application-already-decided", () => application.Approve(ApplicationBuilder.Supervisor, new DateOnly(2025, 9, 13)));
    }

    [Fact]
    public void A_rejection_needs_a_reason() =>
        DomainAssert.Breaks(
            "application-rejection-reason-required",
            () => new ApplicationBuilder().Accepted().Build().Reject(" ", ApplicationBuilder.Clerk, new DateOnly(2025, 9, 12)));

    [Fact]
    public void A_submitted_application_cannot_be_approved_before_acceptance() =>
        DomainAssert.Breaks(
            "application-wrong-status",
            () => new ApplicationBuilder().Build().Approve(ApplicationBuilder.Supervisor, new DateOnly(2025, 9, 12)));

    [Fact]
    public void Nobody_applies_on_a_registration_they_moved_out_of()
    {
        var residentId = Guid.CreateVersion7();
        var registration = new RegistrationBuilder().For(residentId).Build();
        registration.MoveOut(new DateOnly(2025, 6, 1));

        DomainAssert.Breaks(
            "application-registration-not-active",
            () => PermitApplication.Submit(residentId, registration, DistrictExemption.None, new DateOnly(2025, 9, 10)));
    }

    [Fact]
    public void Nobody_applies_on_someone_else_s_registration() =>
        DomainAssert.Breaks(
            "application-registration-mismatch",
            () => PermitApplication.Submit(Guid.CreateVersion7(), new RegistrationBuilder().Build(), DistrictExemption.None, new DateOnly(2025, 9, 10)));
}

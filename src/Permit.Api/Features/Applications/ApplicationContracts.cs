using Permit.Domain.Applications;

namespace Permit.Api.Features.Applications;

/// <summary>
/// A permit application on the basis of the resident's active registration. <paramref name="Exemption"/>: none, talent,
/// investor or entrepreneur (district-named, exempt from the 6-month rule).
/// </summary>
public sealed record SubmitApplicationRequest(Guid? ResidentId, string? Exemption = null, IReadOnlyList<DocumentRequest>? Documents = null);

/// <summary>
/// A document handed in: <paramref name="Kind"/> idCard, photo, labourContract, businessLicence, tenancyRegistration,
/// propertyCertificate or enrolmentCertificate; <paramref name="Reference"/> is where the scan is stored.
/// </summary>
public sealed record DocumentRequest(string? Kind, string? Reference);

public sealed record AddDocumentsRequest(IReadOnlyList<DocumentRequest>? Documents);

public sealed record RejectApplicationRequest(string? Reason);

/// <summary>Why the office needs longer than 15 days; kept in the audit trail.</summary>
public sealed record ExtendDueDateRequest(string? Reason);

/// <summary>A required document, as the applicant reads it (<paramref name="Code"/> is stable for clients).</summary>
public sealed record RequiredDocumentResponse(string Code, string Name, IReadOnlyList<string> AcceptedKinds)
{
    public static RequiredDocumentResponse From(DocumentRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return new(requirement.Code, requirement.Name, [.. requirement.AcceptedKinds.Select(ApplicationResponse.KindName)]);
    }
}

public sealed record EligibilityResponse(bool Eligible, DateOnly? EligibleFrom, string? Reason);

public sealed record SubmittedDocumentResponse(string Kind, string Reference, DateOnly HandedInOn);

/// <summary>
/// An application. <paramref name="MissingDocuments"/> names every document still missing, all at once (一次性告知).
/// </summary>
public sealed record ApplicationResponse(
    Guid Id,
    Guid ResidentId,
    Guid RegistrationId,
    string Status,
    string Basis,
    string Exemption,
    DateOnly SubmittedOn,
    DateOnly? AcceptedOn,
    DateOnly? DueDate,
    bool DueDateExtended,
    DateOnly? DecidedOn,
    string? DecidedBy,
    string? RejectionReason,
    EligibilityResponse Eligibility,
    IReadOnlyList<RequiredDocumentResponse> MissingDocuments,
    IReadOnlyList<SubmittedDocumentResponse> Documents)
{
    public static ApplicationResponse From(PermitApplication application, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        var eligibility = application.EligibilityOn(today);
        return new(application.Id, application.ResidentId, application.RegistrationId, Name(application.Status),
            Name(application.Basis), Name(application.Exemption), application.SubmittedOn, application.AcceptedOn,
            application.DueDate, application.DueDateExtended, application.DecidedOn, application.DecidedBy, application.RejectionReason,
            new EligibilityResponse(eligibility.IsEligible, eligibility.EligibleFrom == DateOnly.MaxValue ? null : eligibility.EligibleFrom, eligibility.Reason),
            application.Status == ApplicationStatus.Submitted ? [.. application.MissingDocuments.Select(RequiredDocumentResponse.From)] : [],
            [.. application.Documents.OrderBy(d => d.HandedInOn).ThenBy(d => d.Id).Select(d => new SubmittedDocumentResponse(KindName(d.Kind), d.Reference, d.HandedInOn))]);
    }

    public static string KindName(DocumentKind kind) => JsonNamingPolicyCamel(kind.ToString());

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// <summary>An accepted application still undecided after its due date.</summary>
public sealed record OverdueApplicationResponse(Guid Id, Guid ResidentId, DateOnly AcceptedOn, DateOnly DueDate, int DaysOverdue);

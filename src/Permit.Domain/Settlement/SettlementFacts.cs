namespace Permit.Domain.Settlement;

/// <summary>
/// What the register knows about an applicant on the assessment date, plus what the officer saw: continuous residence
/// months (from registrations), insurance months (from social-insurance covers), the active registration and its basis,
/// education and skill levels (from points facts), the declared investment (万元) and the documents presented.
/// </summary>
public sealed record SettlementFacts(
    int ResidenceMonths,
    int InsuranceMonths,
    bool HasActiveRegistration,
    string? RegistrationBasis,
    string? EducationLevel,
    string? SkillLevel,
    decimal? InvestmentTenThousandYuan,
    IReadOnlySet<string> Documents);

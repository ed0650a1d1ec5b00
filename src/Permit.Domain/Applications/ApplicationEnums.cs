namespace Permit.Domain.Applications;

/// <summary>A person the district names as exempt from the 6-month registration rule.</summary>
public enum DistrictExemption
{
    None = 0,
    Talent = 1,
    Investor = 2,
    Entrepreneur = 3,
}

public enum ApplicationStatus
{
    /// <summary>Handed in; documents may still be missing.</summary>
    Submitted = 1,

    /// <summary>Complete and eligible: the 15-day issuing period runs.</summary>
    Accepted = 2,

    Approved = 3,
    Rejected = 4,
}

/// <summary>A document an applicant hands in.</summary>
public enum DocumentKind
{
    IdCard = 1,
    Photo = 2,
    LabourContract = 3,
    BusinessLicence = 4,
    TenancyRegistration = 5,
    PropertyCertificate = 6,
    EnrolmentCertificate = 7,
}

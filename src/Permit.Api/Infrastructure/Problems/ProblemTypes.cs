namespace Permit.Api.Infrastructure.Problems;

/// <summary>
/// Stable <c>type</c> URIs of the RFC 9457 problems this API returns. Clients branch on these, never on titles.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "https://permit.example/problems/";

    /// <summary>Another change to the same record was saved first; reload and retry.</summary>
    public const string ConcurrencyConflict = Base + "concurrency-conflict";

    /// <summary>A resident with this citizen ID number is already recorded.</summary>
    public const string DuplicateIdNumber = Base + "duplicate-id-number";

    /// <summary>The permit number is already taken.</summary>
    public const string DuplicatePermitNumber = Base + "duplicate-permit-number";

    /// <summary>A card with this sequence number already exists for the permit.</summary>
    public const string DuplicateCardSequence = Base + "duplicate-card-sequence";

    /// <summary>The resident already holds a live (pending-card, active or suspended) permit.</summary>
    public const string LivePermitExists = Base + "live-permit-exists";

    /// <summary>A unique rule of the database was broken that has no more specific type.</summary>
    public const string Duplicate = Base + "duplicate";

    /// <summary>The audit trail was held by another transaction for too long; nothing was saved, try again.</summary>
    public const string AuditBusy = Base + "audit-busy";
}

namespace Permit.Api.Persistence;

/// <summary>
/// A uniqueness rule the database enforces. <see cref="IndexName"/> is how PostgreSQL and SQL Server name it in
/// their errors; <see cref="SqliteColumns"/> is how SQLite does (<c>UNIQUE constraint failed: Table.Column, …</c>).
/// </summary>
public sealed record UniqueRule(string Name, string IndexName, string SqliteColumns);

/// <summary>The unique indexes of the model, named once here and used by both the configurations and the translator.</summary>
public static class UniqueRules
{
    public static readonly UniqueRule ResidentIdNumber =
        new("resident-id-number", "UX_Residents_CitizenId", "Residents.CitizenIdIndex");

    public static readonly UniqueRule PermitNumber =
        new("permit-number", "UX_ResidencePermits_Number", "ResidencePermits.Number");

    public static readonly UniqueRule CardSequence =
        new("card-sequence", "UX_PermitCards_PermitId_Sequence", "PermitCards.PermitId, PermitCards.Sequence");

    public static readonly UniqueRule LivePermitPerResident =
        new("live-permit-per-resident", "UX_ResidencePermits_LiveHolderId", "ResidencePermits.LiveHolderId");

    public static IReadOnlyList<UniqueRule> All { get; } =
        [ResidentIdNumber, PermitNumber, CardSequence, LivePermitPerResident];
}

namespace Permit.Api.Features.LegacyImport;

/// <summary>
/// Whom an import run outside a request is attributed to, for callers that build their own audit trail (the benches
/// and tests; the command line takes the API's registered one).
/// </summary>
public sealed class LegacyImportActor : IAuditActorSource
{
    public AuditActor Current { get; } = AuditActor.System(LegacyImporter.Officer);

    /// <summary>An audit trail on <paramref name="db"/> attributed to the import.</summary>
    public static IAuditTrail TrailOn(Persistence.PermitDbContext db, TimeProvider time) => new AuditTrail(db, new LegacyImportActor(), time);
}

namespace Permit.Api.Audit;

/// <summary>Adds audit entries to a context, attributed to the current actor, timed by the injected clock.</summary>
public sealed class AuditTrail(DbContext context, IAuditActorSource actor, TimeProvider time) : IAuditTrail
{
    public AuditEntry Record(string action, Guid? residentId, string? purpose)
    {
        var entry = Prepare(action, residentId, purpose);
        context.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public AuditEntry Prepare(string action, Guid? residentId, string? purpose) =>
        AuditEntry.Create(actor.Current, action, residentId, purpose, time.GetUtcNow());
}

/// <summary>Who is acting right now.</summary>
public interface IAuditActorSource
{
    AuditActor Current { get; }
}

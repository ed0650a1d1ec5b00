namespace Permit.Api.Infrastructure.Http;

/// <summary>
/// Records who read or changed whose personal data, in the same unit of work (and so the same SaveChanges) as the change.
/// </summary>
public static class DeskAudit
{
    /// <summary>Adds an audit entry for <paramref name="residentId"/>; call before the request's SaveChanges.</summary>
    public static void Audit(this HttpContext http, string action, Guid residentId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Required, never optional: a host without the audit trail fails here instead of reading personal data unrecorded.
        http.RequestServices.GetRequiredService<IAuditTrail>().Record(action, residentId, purpose);
    }
}

namespace Permit.Api.Audit;

/// <summary>
/// An audited save waited too long for the audit chain: another transaction of this process holds it (a long job on
/// SQLite, say), or another node's (PostgreSQL, SQL Server). Nothing was written; the request can be tried again.
/// </summary>
public sealed class AuditChainBusyException : TimeoutException
{
    public AuditChainBusyException()
    {
    }

    public AuditChainBusyException(string message) : base(message)
    {
    }

    public AuditChainBusyException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public AuditChainBusyException(TimeSpan waited)
        : base(BusyMessage(waited))
    {
    }

    public AuditChainBusyException(TimeSpan waited, Exception innerException)
        : base(BusyMessage(waited), innerException)
    {
    }

    private static string BusyMessage(TimeSpan waited) =>
        $"The audit trail was busy for {waited.TotalSeconds:F0} s (another transaction is appending); nothing was saved.";
}

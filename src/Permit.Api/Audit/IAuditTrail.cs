namespace Permit.Api.Audit;

/// <summary>
/// What features call for every read or change of personal data. <see cref="Record"/> only adds the entry to the
/// request's unit of work: it is written by the same <c>SaveChanges</c> as the change it describes. A read that saves
/// nothing else calls <c>SaveChangesAsync</c> after recording.
/// </summary>
public interface IAuditTrail
{
    /// <param name="action">What was done, dotted lower-case: <c>resident.read</c>, <c>permit.issue</c>.</param>
    /// <param name="residentId">Whose record; null only for actions on no one's data (e.g. <c>officer.create</c>).</param>
    /// <param name="purpose">Why, in the officer's or feature's words (e.g. the application number being decided).</param>
    AuditEntry Record(string action, Guid? residentId, string? purpose);

    /// <summary>
    /// The entry <see cref="Record"/> would add, not added to the unit of work: for a set-based writer outside EF's change
    /// tracker, which links and writes it in its transaction (<see cref="AuditChain.AppendAsync(DbContext, IReadOnlyList{AuditEntry}, Func{IReadOnlyList{AuditEntry}, CancellationToken, Task}, CancellationToken)"/>).
    /// </summary>
    AuditEntry Prepare(string action, Guid? residentId, string? purpose);
}

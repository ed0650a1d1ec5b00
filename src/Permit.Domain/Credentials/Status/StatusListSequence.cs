namespace Permit.Domain.Credentials.Status;

/// <summary>
/// The ordering rule (docs/status-list.md, "Ordering and rollback"): a verifier moves only forward. A full list or a
/// delta whose number is below the one held is refused as <c>rollback</c>; the same number is the list already held.
/// </summary>
public static class StatusListSequence
{
    /// <summary>Null when <paramref name="candidateNumber"/> may replace <paramref name="heldNumber"/>, else the refusal.</summary>
    public static StatusReadResult<T>? RefuseRollback<T>(long? heldNumber, long candidateNumber)
        where T : class =>
        heldNumber is { } held && candidateNumber < held
            ? StatusRead.Refused<T>(StatusRefusals.Rollback, $"list {candidateNumber} is older than the {held} held")
            : null;

    /// <summary>
    /// Applies a delta to the held full list <paramref name="baseList"/>, refusing it when it was made for another base or
    /// is older than the state held (<paramref name="heldNumber"/>: the base's number, or the last delta's).
    /// </summary>
    public static StatusReadResult<StatusList> Advance(StatusList baseList, long heldNumber, StatusDelta delta)
    {
        ArgumentNullException.ThrowIfNull(baseList);
        ArgumentNullException.ThrowIfNull(delta);
        return RefuseRollback<StatusList>(heldNumber, delta.Number) ?? delta.ApplyTo(baseList);
    }
}

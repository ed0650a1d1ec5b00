namespace Permit.Api.Features.Statistics;

/// <summary>
/// One pass of the supervisors' statistics over the whole register (docs/statistics.md): when it was taken, the China
/// date its date-bound figures were counted against (the open endorsement windows, the overdue ones, the applications
/// past due, the twelve months shown), what started it and how long it took. Its figures are <see cref="StatisticsFigure"/> rows.
/// </summary>
public sealed class StatisticsSnapshot
{
    public const int TriggerMaxLength = 16;

    private StatisticsSnapshot(Guid id, DateTimeOffset takenAt, DateOnly asOf, string trigger)
    {
        Id = id;
        TakenAt = takenAt;
        AsOf = asOf;
        Trigger = trigger;
    }

    public Guid Id { get; private set; }

    /// <summary>The instant the counting started: every figure counts the register as committed then (or shortly after).</summary>
    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>China's date at <see cref="TakenAt"/>: the day the backlog and the twelve months are counted for.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary><c>schedule</c>, <c>admin</c> or <c>page</c> (the first view of a day without one).</summary>
    public string Trigger { get; private set; }

    /// <summary>How long the counting took, for the run list and the bench.</summary>
    public int Milliseconds { get; private set; }

    public static StatisticsSnapshot Start(DateTimeOffset takenAt, DateOnly asOf, string trigger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        if (trigger.Length > TriggerMaxLength)
            throw new ArgumentException($"A trigger is at most {TriggerMaxLength} characters.", nameof(trigger));
        return new StatisticsSnapshot(Guid.CreateVersion7(takenAt), takenAt, asOf, trigger);
    }

    public void Took(TimeSpan elapsed) => Milliseconds = (int)Math.Min(int.MaxValue, Math.Max(0, elapsed.TotalMilliseconds));
}

namespace Permit.Domain.Common;

/// <summary>
/// The one "today in China" of the whole system: permits, cards, registrations, points and verdicts are dated by
/// China's calendar (Asia/Shanghai is UTC+8 all year; China has no daylight saving time), whatever zone a server or
/// PC runs in. The domain never reads the clock: callers pass the instant, or the <see cref="TimeProvider"/> they were given.
/// </summary>
public static class ChinaDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Of(time.GetUtcNow());
    }

    /// <summary>The first instant of <paramref name="date"/> in China.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);
}

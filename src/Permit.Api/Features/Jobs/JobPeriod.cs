using System.Globalization;

namespace Permit.Api.Features.Jobs;

/// <summary>The day or month a job run is for; <see cref="Key"/> (<c>2026-03-10</c> or <c>2026-02</c>) is stored.</summary>
public readonly record struct JobPeriod
{
    private JobPeriod(JobCadence cadence, DateOnly start)
    {
        Cadence = cadence;
        Start = start;
    }

    public JobCadence Cadence { get; }

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Start { get; }

    public int Year => Start.Year;

    public int Month => Start.Month;

    public string Key => Cadence == JobCadence.Daily
        ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static JobPeriod Day(DateOnly day) => new(JobCadence.Daily, day);

    public static JobPeriod MonthOf(DateOnly day) => new(JobCadence.Monthly, new DateOnly(day.Year, day.Month, 1));

    /// <summary>The month before the one <paramref name="today"/> is in: what a monthly job run on the 1st is for.</summary>
    public static JobPeriod MonthBefore(DateOnly today) => MonthOf(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));

    /// <summary>The period a job of <paramref name="cadence"/> run at China's date <paramref name="today"/> is for: that day, or the month just ended.</summary>
    public static JobPeriod Due(JobCadence cadence, DateOnly today) => cadence == JobCadence.Daily ? Day(today) : MonthBefore(today);

    /// <summary>Parses <c>yyyy-MM-dd</c> (daily) or <c>yyyy-MM</c> (monthly) as the cadence demands.</summary>
    public static bool TryParse(JobCadence cadence, string? text, out JobPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var format = cadence == JobCadence.Daily ? "yyyy-MM-dd" : "yyyy-MM";
        if (!DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return false;
        period = cadence == JobCadence.Daily ? Day(day) : MonthOf(day);
        return true;
    }

    public override string ToString() => Key;
}

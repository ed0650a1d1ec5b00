namespace Permit.Domain.Registrations;

/// <summary>
/// China's working days: Monday to Friday, except the public holidays the State Council announces each year, plus the
/// weekend days it makes working days (调休 make-up days). One <see cref="CalendarYear"/> per announced year; a year
/// without one counts Monday to Friday only, and <see cref="Knows"/> says so.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;

    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        _years = [];
        foreach (var year in years)
        {
            if (!_years.TryAdd(year.Year, year))
                throw new DomainException("calendar-year-duplicate", $"The calendar names {year.Year} twice.");
        }
    }

    /// <summary>Monday to Friday, no holidays: what a calendar without announced years counts.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    public IEnumerable<int> Years => _years.Keys.Order();

    /// <summary>True when the announced holidays of <paramref name="year"/> are known.</summary>
    public bool Knows(int year) => _years.ContainsKey(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_years.TryGetValue(day.Year, out var year))
        {
            if (year.MakeUpWorkingDays.Contains(day))
                return true;
            if (year.Holidays.Contains(day))
                return false;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// Working days after <paramref name="happened"/> up to and including <paramref name="reported"/>: a report on the
    /// next working day is 1, on the same day 0.
    /// </summary>
    public int WorkingDaysBetween(DateOnly happened, DateOnly reported)
    {
        var count = 0;
        for (var day = happened.AddDays(1); day <= reported; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }
}

/// <summary>One announced year: its public-holiday days off and its weekend days worked instead.</summary>
public sealed record CalendarYear
{
    public CalendarYear(int year, IReadOnlySet<DateOnly> holidays, IReadOnlySet<DateOnly> makeUpWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkingDays);
        if (holidays.Concat(makeUpWorkingDays).Any(d => d.Year != year))
            throw new DomainException("calendar-day-outside-year", $"Every day of the {year} calendar must fall in {year}.");
        if (makeUpWorkingDays.Any(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            throw new DomainException("calendar-make-up-not-weekend", "A make-up working day is a Saturday or Sunday.");
        if (holidays.Overlaps(makeUpWorkingDays))
            throw new DomainException("calendar-day-both", "A day cannot be both a holiday and a make-up working day.");
        Year = year;
        Holidays = holidays;
        MakeUpWorkingDays = makeUpWorkingDays;
    }

    public int Year { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    public IReadOnlySet<DateOnly> MakeUpWorkingDays { get; }
}

using System.Globalization;
using System.Text.Json;
using Permit.Domain.Registrations;

namespace Permit.Api.Features.Registrations;

/// <summary>
/// Loads China's yearly holiday calendars (docs/working-calendar.md): the files shipped in the assembly
/// (<c>data/calendar/cn-YYYY.json</c>) and, when <c>Calendar:Directory</c> is set, <c>cn-*.json</c> files there, which
/// replace a shipped year of the same number (a district adds next year's file as soon as it is announced).
/// </summary>
public static class CalendarFiles
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration["Calendar:Directory"];
        return services.AddSingleton(_ => Load(directory));
    }

    public static WorkingCalendar Load(string? directory = null)
    {
        var years = new Dictionary<int, CalendarYear>();
        var assembly = typeof(CalendarFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("calendar.cn-", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var year = Parse(stream, name);
            years[year.Year] = year;
        }
        if (!string.IsNullOrWhiteSpace(directory) && Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "cn-*.json"))
            {
                using var stream = File.OpenRead(path);
                var year = Parse(stream, Path.GetFileName(path));
                years[year.Year] = year;
            }
        }
        return new WorkingCalendar(years.Values);
    }

    public static CalendarYear Parse(Stream stream, string source)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(stream, Json)
            ?? throw new InvalidDataException($"The calendar file {source} is empty.");
        var holidays = new HashSet<DateOnly>();
        foreach (var holiday in file.Holidays ?? [])
        {
            var from = Day(holiday.From, source);
            var to = Day(holiday.To, source);
            if (to < from)
                throw new InvalidDataException($"The calendar file {source}: holiday {holiday.Name} ends before it begins.");
            for (var day = from; day <= to; day = day.AddDays(1))
                holidays.Add(day);
        }
        var makeUp = (file.MakeUpWorkingDays ?? []).Select(d => Day(d, source)).ToHashSet();
        try
        {
            return new CalendarYear(file.Year, holidays, makeUp);
        }
        catch (Permit.Domain.Common.DomainException e)
        {
            throw new InvalidDataException($"The calendar file {source}: {e.Message}", e);
        }
    }

    private static DateOnly Day(string? text, string source) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidDataException($"The calendar file {source}: '{text}' is not a YYYY-MM-DD date.");

    private sealed record CalendarFile(int Year, string? Source, IReadOnlyList<Holiday>? Holidays, IReadOnlyList<string>? MakeUpWorkingDays);

    private sealed record Holiday(string? Name, string? From, string? To);
}

using Permit.Domain.Credentials.Status;

namespace Permit.Bench.Status;

/// <summary>
/// A Ningbo-like register: ten districts, permits issued 2021–2026 with serials in issue order through each year, so
/// valid-until dates follow the serial as they do in the register. Mix: ≈1% of current cards revoked, ≈10% suspended
/// (endorsement missed), ≈5% of permits reissued (an older card superseded, 1% twice), every active permit from an
/// earlier year endorsed each year since with its card carrying an extension. Deterministic (seeded).
/// </summary>
internal static class SyntheticCity
{
    public static readonly string[] Districts = ["330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281", "330282"];

    public static readonly int[] Years = [2021, 2022, 2023, 2024, 2025, 2026];

    public static readonly DateOnly Today = new(2026, 12, 3);

    /// <summary>Serials per (district, year) so that the sections together hold <paramref name="cards"/> permits.</summary>
    public static int SerialsPerSection(int cards) => (cards + (Districts.Length * Years.Length) - 1) / (Districts.Length * Years.Length);

    public static StatusListBuilder Build(int cards, bool randomDates, int seed = 18)
    {
        var random = new Random(seed);
        var builder = new StatusListBuilder();
        var perSection = SerialsPerSection(cards);
        var made = 0;
        foreach (var district in Districts)
        {
            foreach (var year in Years)
            {
                var section = new SectionKey(district, year);
                for (var serial = 1; serial <= perSection && made < cards; serial++, made++)
                    builder.Set(section, serial, Entry(random, year, serial, perSection, randomDates));
            }
        }

        return builder;
    }

    /// <summary>What a permit's slot says, from its year and its place in the year's issue order.</summary>
    public static StatusEntry Entry(Random random, int year, int serial, int perSection, bool randomDates)
    {
        var issued = new DateOnly(year, 1, 1).AddDays((int)(364.0 * serial / perSection));
        var roll = random.NextDouble();
        var sequence = (byte)(roll < 0.01 ? 3 : roll < 0.05 ? 2 : 1);
        var state = random.NextDouble() switch
        {
            < 0.01 => CardState.Revoked,
            < 0.11 => CardState.Suspended,
            _ => CardState.Valid,
        };
        // Valid one year from issue; endorsed yearly since, so an earlier year's active card is extended to the
        // anniversary after today.
        DateOnly? until = null;
        if (state == CardState.Valid && year < Today.Year && randomDates)
            until = Today.AddDays(random.Next(1, 366));
        else if (state == CardState.Valid && year < Today.Year)
            until = issued.AddYears(Today.Year - year + (issued.AddYears(Today.Year - year) < Today ? 1 : 0));
        return new StatusEntry(sequence, state, until);
    }

    /// <summary>A day's changes: a third endorsements, a third new cards, the rest reissues, suspensions and revocations.</summary>
    public static int ApplyDay(StatusList list, StatusListBuilder builder, int changes, int seed = 19)
    {
        var random = new Random(seed);
        var sections = list.Sections;
        var nextSerial = sections.ToDictionary(s => s.Key, s => s.Length + 1);
        var done = 0;
        while (done < changes)
        {
            var section = sections[random.Next(sections.Count)];
            var kind = random.Next(6);
            if (kind is 0 or 1)
            {
                // A new card issued today: the next serial of this year's sections.
                var key = new SectionKey(section.Key.Region, Today.Year);
                builder.Set(key, nextSerial[key]++, new StatusEntry(1, CardState.Valid, null));
                done++;
                continue;
            }

            var serial = random.Next(1, section.Length + 1);
            var entry = section[serial];
            if (entry.IsEmpty)
                continue;
            var changed = kind switch
            {
                2 or 3 => entry with { State = CardState.Valid, ValidUntil = Today.AddYears(1) },
                4 => new StatusEntry((byte)Math.Min(255, entry.CurrentSequence + 1), CardState.Valid, null),
                _ => entry with { State = random.Next(2) == 0 ? CardState.Suspended : CardState.Revoked, ValidUntil = null },
            };
            builder.Set(section.Key, serial, changed);
            done++;
        }

        return done;
    }
}

using Permit.Domain.Duplicates;

namespace Permit.Api.Features.Duplicates;

/// <summary>
/// Finds suspected duplicates across the whole register (docs/duplicates.md). ID numbers are stored encrypted with a
/// random nonce, so no query can compare them: the scan reads residents in batches of <see cref="BatchSize"/>, decrypts
/// each number in memory and keeps only what the rules need; numbers are never logged or stored in what it writes.
/// Every rule needs the same birth date and the same name in canonical form, so records are grouped by both first and
/// only records within a group are compared pairwise: 100,000 residents are a few comparisons each, not 10¹⁰.
/// A pair already stored — open, merged or "not the same person" — is never stored again.
/// </summary>
public sealed class DuplicateScan(PermitDbContext db)
{
    public const int BatchSize = 1000;

    private sealed record Candidate(Guid Id, PersonFacts Facts);

    /// <summary>Stores the suspicions not known before; answers how many.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var groups = new Dictionary<(DateOnly, string), List<Candidate>>();
        for (var skip = 0; ; skip += BatchSize)
        {
            // The whole register: a job sees every jurisdiction; the page shows each supervisor only the pairs it holds.
            var batch = await db.Residents.IgnoreQueryFilters().AsNoTracking()
                .OrderBy(r => r.Id).Skip(skip).Take(BatchSize)
                .Select(r => new { r.Id, r.Name, r.BirthDate, r.CitizenId })
                .ToListAsync(ct);
            foreach (var r in batch)
            {
                var key = (r.BirthDate, NameForms.Canonical(r.Name));
                if (!groups.TryGetValue(key, out var group))
                    groups[key] = group = [];
                group.Add(new Candidate(r.Id, PersonFacts.Of(r.CitizenId, r.Name, r.BirthDate)));
            }
            if (batch.Count < BatchSize)
                break;
        }

        var known = (await db.Set<DuplicateSuspicion>().AsNoTracking()
                .Select(s => new { s.FirstResidentId, s.SecondResidentId }).ToListAsync(ct))
            .Select(s => (s.FirstResidentId, s.SecondResidentId)).ToHashSet();
        var found = 0;
        foreach (var group in groups.Values.Where(g => g.Count > 1))
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    if (DuplicateMatcher.Compare(group[i].Facts, group[j].Facts) is not { } evidence
                        || !known.Add(DuplicateSuspicion.Pair(group[i].Id, group[j].Id)))
                        continue;
                    db.Add(DuplicateSuspicion.Found(group[i].Id, group[j].Id, evidence, now));
                    found++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return found;
    }
}

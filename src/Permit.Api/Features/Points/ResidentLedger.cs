using Permit.Domain.Points;

namespace Permit.Api.Features.Points;

/// <summary>What an officer (or an accepted re-review) puts on the ledger: a fact with its evidence.</summary>
public sealed record LedgerFact(string Indicator, int Quantity, string? Level, string EvidenceReference, DateOnly? FrozenUntil);

/// <summary>
/// One resident's ledger loaded for a change: appends entries scored by the domain calculator (an entry's points are
/// the change it makes to its indicator's points) and keeps the balance in step, all in the caller's unit of work.
/// </summary>
internal sealed class ResidentLedger
{
    private readonly PermitDbContext _db;
    private readonly List<PointsEntry> _entries;

    private ResidentLedger(PermitDbContext db, Guid residentId, DateOnly birthDate, List<PointsEntry> entries, PointsBalance? balance)
    {
        _db = db;
        ResidentId = residentId;
        BirthDate = birthDate;
        _entries = entries;
        Balance = balance;
    }

    public Guid ResidentId { get; }

    public DateOnly BirthDate { get; }

    public PointsBalance? Balance { get; private set; }

    public IReadOnlyList<PointsEntry> Entries => _entries;

    /// <summary>The resident's ledger, or null when there is no such resident.</summary>
    public static async Task<ResidentLedger?> LoadAsync(PermitDbContext db, Guid residentId, CancellationToken ct)
    {
        var birthDate = await db.Residents.Where(r => r.Id == residentId).Select(r => (DateOnly?)r.BirthDate).FirstOrDefaultAsync(ct);
        if (birthDate is null)
            return null;
        var entries = await db.PointsEntries.AsNoTracking().Where(e => e.ResidentId == residentId).OrderBy(e => e.Id).ToListAsync(ct);
        var balance = await db.PointsBalances.FirstOrDefaultAsync(b => b.ResidentId == residentId, ct);
        return new ResidentLedger(db, residentId, birthDate.Value, entries, balance);
    }

    /// <summary>A ledger from rows already loaded (the rule-set recompute loads residents in batches).</summary>
    public static ResidentLedger From(PermitDbContext db, Guid residentId, DateOnly birthDate, List<PointsEntry> entries, PointsBalance? balance) =>
        new(db, residentId, birthDate, entries, balance);

    public PointsProfile Profile() => LedgerFacts.Profile(BirthDate, _entries);

    public PointsAssessment Assess(PointsRuleSet ruleSet, DateOnly on) => PointsCalculator.Calculate(ruleSet, Profile(), on);

    public bool IsFrozenOn(DateOnly today) => Balance?.IsFrozenOn(today) ?? false;

    public PointsEntry? Find(long entryId) => _entries.FirstOrDefault(e => e.Id == entryId);

    public bool IsReversed(long entryId) => _entries.Any(e => e.ReversesEntryId == entryId);

    /// <summary>Adds an officer's fact. The caller has checked it against the rule set (<see cref="LedgerRules"/>).</summary>
    /// <param name="key">The entry's key; a fresh one when null (an import passes the fact's natural key, so it lands once).</param>
    public PointsEntry AppendFact(PointsRuleSet ruleSet, DateOnly today, LedgerFact fact, string source, string officer, DateTimeOffset now, string? key = null) =>
        Append(ruleSet, today, new PointsEntry(
            ResidentId, PointsEntryKind.Evidence, fact.Indicator, fact.Quantity, fact.Level, 0, null, source,
            RuleSetCatalogue.Label(ruleSet), officer, fact.EvidenceReference, now, null, fact.FrozenUntil, key ?? $"evidence:{Guid.NewGuid():N}"));

    /// <summary>Takes an entry back: the opposite quantity, the same level, the change it makes now.</summary>
    public PointsEntry AppendReversal(PointsRuleSet ruleSet, DateOnly today, PointsEntry original, string source, string officer, string reason, DateTimeOffset now) =>
        Append(ruleSet, today, new PointsEntry(
            ResidentId, PointsEntryKind.Reversal, original.Indicator, -original.Quantity, original.Level, 0, null, source,
            RuleSetCatalogue.Label(ruleSet), officer, reason, now, original.Id, null, $"reversal:{original.Id}"));

    /// <summary>
    /// Brings every indicator's points to what <paramref name="ruleSet"/> gives for the same facts, with one
    /// <see cref="PointsEntryKind.Recompute"/> entry per indicator that moved, and settles the balance under it.
    /// Reproducible: the facts and the version decide the result, and running it again adds nothing.
    /// </summary>
    public IReadOnlyList<PointsEntry> MoveTo(PointsRuleSet ruleSet, DateOnly today, string officer, DateTimeOffset now)
    {
        var assessment = Assess(ruleSet, today);
        var label = RuleSetCatalogue.Label(ruleSet);
        var codes = _entries.Select(e => e.Indicator).Concat(ruleSet.Indicators.Select(i => i.Code))
            .Where(c => c != IndicatorCodes.Age).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var moves = new List<PointsEntry>();
        foreach (var code in codes)
        {
            var delta = LedgerFacts.LineHundredths(assessment, code) - _entries.Where(e => e.Indicator == code).Sum(e => e.PointsHundredths);
            if (delta == 0)
                continue;
            var move = new PointsEntry(ResidentId, PointsEntryKind.Recompute, code, 0, null, delta, null, "rule-set", label, officer,
                null, now, null, null, $"recompute:{label}:{code}");
            _entries.Add(move);
            _db.PointsEntries.Add(move);
            moves.Add(move);
        }

        Settle(ruleSet, today, now, assessment);
        return moves;
    }

    /// <summary>Stores the balance as the ledger now gives it.</summary>
    public void Settle(PointsRuleSet ruleSet, DateOnly today, DateTimeOffset now, PointsAssessment? assessment = null)
    {
        var profile = Profile();
        assessment ??= PointsCalculator.Calculate(ruleSet, profile, today);
        if (Balance is null)
        {
            Balance = new PointsBalance(ResidentId, BirthDate, RuleSetCatalogue.Label(ruleSet), now);
            _db.PointsBalances.Add(Balance);
        }

        Balance.ChangeBirthDate(BirthDate);
        Balance.Apply(LedgerFacts.Figures(assessment, profile, LedgerFacts.Freeze(ruleSet, _entries)), RuleSetCatalogue.Label(ruleSet), now);
    }

    private PointsEntry Append(PointsRuleSet ruleSet, DateOnly today, PointsEntry entry)
    {
        var before = LedgerFacts.LineHundredths(Assess(ruleSet, today), entry.Indicator);
        _entries.Add(entry);
        var after = Assess(ruleSet, today);
        entry.Score(LedgerFacts.LineHundredths(after, entry.Indicator) - before);
        _db.PointsEntries.Add(entry);
        Settle(ruleSet, today, entry.CreatedAt, after);
        return entry;
    }
}

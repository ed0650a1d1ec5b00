namespace Permit.Api.Features.Points;

/// <summary>How an entry came onto the ledger.</summary>
public enum PointsEntryKind
{
    /// <summary>A month of social insurance or residence, added by <see cref="MonthlyAccrual"/>.</summary>
    Accrual,

    /// <summary>A fact an officer recorded with its evidence (education, skill, employment, housing, bonus, deduction, freeze).</summary>
    Evidence,

    /// <summary>Takes back an earlier entry: the ledger is never edited, a mistake is reversed and, if need be, re-entered.</summary>
    Reversal,

    /// <summary>Moves an indicator's points to what a newly published rule-set version gives for the same facts.</summary>
    Recompute,
}

/// <summary>The indicator a monthly accrual entry is for, stored as a small integer in its idempotency key.</summary>
public enum AccrualIndicator : short
{
    /// <summary><c>province.social-insurance</c>.</summary>
    SocialInsurance = 1,

    /// <summary><c>province.residence</c>.</summary>
    Residence = 2,
}

/// <summary>
/// One line of a resident's points ledger. Append-only: nothing here changes after it is saved (the context refuses
/// updates and deletes of entries). An entry records a fact (a <see cref="Quantity"/> of months, millilitres or
/// occurrences, or a <see cref="Level"/> held) and the change it made to its indicator's points under the rule-set
/// version named, so the sum of an indicator's entries is that indicator's points and every total can be explained.
/// </summary>
public sealed class PointsEntry
{
    public const int MaxIndicatorLength = 64;
    public const int MaxLevelLength = 64;
    public const int MaxTextLength = 200;
    public const int MaxKeyLength = 100;

    private PointsEntry() { }

    internal PointsEntry(
        Guid residentId, PointsEntryKind kind, string indicator, int quantity, string? level, int pointsHundredths,
        string? period, string source, string ruleSetVersion, string? officer, string? evidenceReference,
        DateTimeOffset createdAt, long? reversesEntryId, DateOnly? frozenUntil, string key)
    {
        ResidentId = residentId;
        Kind = kind;
        Indicator = indicator;
        Quantity = quantity;
        Level = level;
        PointsHundredths = pointsHundredths;
        Period = period;
        Source = source;
        RuleSetVersion = ruleSetVersion;
        Officer = officer;
        EvidenceReference = evidenceReference;
        CreatedAt = createdAt;
        ReversesEntryId = reversesEntryId;
        FrozenUntil = frozenUntil;
        Key = key;
    }

    public long Id { get; private set; }

    public Guid ResidentId { get; private set; }

    public PointsEntryKind Kind { get; private set; }

    /// <summary>The rule-set indicator code, e.g. <c>province.education</c>.</summary>
    public string Indicator { get; private set; } = "";

    /// <summary>Months, millilitres, events or occurrences added (negative on a reversal); 0 for a level.</summary>
    public int Quantity { get; private set; }

    /// <summary>The level code held, for level-table indicators (e.g. <c>bachelor-or-higher</c>).</summary>
    public string? Level { get; private set; }

    /// <summary>The change this entry made to its indicator's points, in hundredths, under <see cref="RuleSetVersion"/>.</summary>
    public int PointsHundredths { get; private set; }

    /// <summary>The month an accrual entry is for, <c>yyyy-MM</c>; null for other entries.</summary>
    public string? Period { get; private set; }

    /// <summary>Where it came from: <c>monthly-accrual</c>, <c>officer</c>, <c>review</c>, <c>rule-set</c>.</summary>
    public string Source { get; private set; } = "";

    /// <summary><c>id@version</c> of the rule set the points were computed under.</summary>
    public string RuleSetVersion { get; private set; } = "";

    /// <summary>The officer's user name for entries an officer made; null for the system's own.</summary>
    public string? Officer { get; private set; }

    /// <summary>What the fact rests on (certificate number, contract, court decision); required of officers.</summary>
    public string? EvidenceReference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The entry a reversal takes back.</summary>
    public long? ReversesEntryId { get; private set; }

    /// <summary>For a freezing deduction: the last day of the freeze, when the decision names one.</summary>
    public DateOnly? FrozenUntil { get; private set; }

    /// <summary>
    /// Unique per resident among the entries that have one: <c>reversal:id</c> lets an entry be reversed once, an
    /// imported fact's natural key lands it once, and other entries get a fresh key. Null on a monthly accrual entry,
    /// whose idempotency key is the narrow (<see cref="ResidentId"/>, <see cref="AccrualIndicator"/>,
    /// <see cref="AccrualMonth"/>) instead: a text key per accrued month made the ledger's unique index wide where it
    /// takes a million inserts a month.
    /// </summary>
    public string? Key { get; private set; }

    /// <summary>A monthly accrual entry's indicator (with <see cref="AccrualMonth"/>: a month accrues once per resident
    /// and indicator however often the job runs); null on every other entry.</summary>
    public AccrualIndicator? AccrualIndicator { get; private set; }

    /// <summary>A monthly accrual entry's month as <c>yyyyMM</c> (e.g. 202610); null on every other entry.</summary>
    public int? AccrualMonth { get; private set; }

    /// <summary>The accrual run that wrote the entry (lets the same run move the balances by exactly what it added).</summary>
    public Guid? AccrualRunId { get; private set; }

    public decimal Points => PointsHundredths / 100m;

    /// <summary>Sets the points of an entry not yet saved (the ledger computes them once the entry's fact is in place).</summary>
    internal void Score(int pointsHundredths) => PointsHundredths = pointsHundredths;

    /// <summary>Marks an accrual entry with the run that wrote it.</summary>
    internal void WrittenBy(Guid accrualRunId) => AccrualRunId = accrualRunId;
}

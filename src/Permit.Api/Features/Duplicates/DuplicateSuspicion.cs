using Permit.Domain.Common;
using Permit.Domain.Duplicates;

namespace Permit.Api.Features.Duplicates;

public enum SuspicionStatus
{
    /// <summary>Found by the scan, waiting for a supervisor.</summary>
    Open = 1,

    /// <summary>A supervisor merged the two records; <see cref="DuplicateSuspicion.SurvivorId"/> is the one kept.</summary>
    Merged = 2,

    /// <summary>A supervisor said they are two people: the scan never suggests this pair again.</summary>
    NotSamePerson = 3,

    /// <summary>One of the pair was merged into a third record by another decision; the next scan looks again.</summary>
    Superseded = 4,
}

/// <summary>
/// Two residents the duplicate scan suspects to be one person, with its evidence and the supervisor's decision.
/// The pair is stored in a fixed order (the smaller id first) so it exists once whichever way it was found; the ids are
/// not foreign keys on purpose: a merge deletes one of them and the decision must outlive it.
/// </summary>
public sealed class DuplicateSuspicion
{
    public const int EvidenceMaxLength = 200;
    public const int OfficerMaxLength = 100;

    private DuplicateSuspicion()
    {
        Evidence = null!;
    }

    public Guid Id { get; private set; }

    public Guid FirstResidentId { get; private set; }

    public Guid SecondResidentId { get; private set; }

    public DuplicateRule Rule { get; private set; }

    /// <summary>The differing digit's position (1-based) on the printed number, for the one-digit and swap rules.</summary>
    public int? Position { get; private set; }

    /// <summary>The differing digits as "first/second" (never a whole number).</summary>
    public string? Digits { get; private set; }

    public NameVariance NameVariance { get; private set; }

    /// <summary>The evidence in one English line (<see cref="DuplicateEvidence.Describe"/>); the page words it per language.</summary>
    public string Evidence { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    public SuspicionStatus Status { get; private set; }

    public Guid? SurvivorId { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The pair (in stored order) of two residents.</summary>
    public static (Guid First, Guid Second) Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    public static DuplicateSuspicion Found(Guid a, Guid b, DuplicateEvidence evidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (a == b)
            throw new ArgumentException("A resident is not a duplicate of itself.", nameof(b));
        var (first, second) = Pair(a, b);
        return new DuplicateSuspicion
        {
            Id = Guid.CreateVersion7(now),
            FirstResidentId = first,
            SecondResidentId = second,
            Rule = evidence.Rule,
            Position = evidence.Position,
            Digits = evidence.Digits,
            NameVariance = evidence.NameVariance,
            Evidence = evidence.Describe(),
            FoundAt = now,
            Status = SuspicionStatus.Open,
        };
    }

    public bool Involves(Guid residentId) => FirstResidentId == residentId || SecondResidentId == residentId;

    public Guid Other(Guid residentId) => FirstResidentId == residentId ? SecondResidentId : FirstResidentId;

    /// <summary>The supervisor keeps <paramref name="survivorId"/>. Deciding twice the same way changes nothing.</summary>
    public void Merge(Guid survivorId, string officer, DateTimeOffset now)
    {
        if (!Involves(survivorId))
            throw new DomainException("duplicate-survivor-invalid", "The surviving resident must be one of the suspected pair.");
        Decide(SuspicionStatus.Merged, officer, now);
        SurvivorId = survivorId;
    }

    public void RejectAsDifferentPeople(string officer, DateTimeOffset now) => Decide(SuspicionStatus.NotSamePerson, officer, now);

    /// <summary>A third decision merged one of this pair away: nothing left to decide here.</summary>
    public void Supersede(DateTimeOffset now)
    {
        if (Status != SuspicionStatus.Open)
            return;
        Status = SuspicionStatus.Superseded;
        DecidedAt = now;
    }

    private void Decide(SuspicionStatus status, string officer, DateTimeOffset now)
    {
        if (Status != SuspicionStatus.Open)
            throw new DomainException("duplicate-already-decided", "This suspected duplicate has already been decided.");
        Status = status;
        DecidedBy = officer.Length > OfficerMaxLength ? officer[..OfficerMaxLength] : officer;
        DecidedAt = now;
    }
}

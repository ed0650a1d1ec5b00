namespace Permit.Domain.Permits;

/// <summary>One yearly endorsement (签注) of a permit: when it was given and the validity it granted.</summary>
public sealed class Endorsement
{
    private Endorsement()
    {
        // For EF Core materialization.
    }

    internal Endorsement(int sequence, DateOnly endorsedOn, DateOnly previousValidUntil, DateOnly newValidUntil, bool isLate)
    {
        Id = Guid.CreateVersion7();
        Sequence = sequence;
        EndorsedOn = endorsedOn;
        PreviousValidUntil = previousValidUntil;
        NewValidUntil = newValidUntil;
        IsLate = isLate;
    }

    public Guid Id { get; private set; }

    /// <summary>1 for the permit's first endorsement, +1 for each after.</summary>
    public int Sequence { get; private set; }

    public DateOnly EndorsedOn { get; private set; }

    public DateOnly PreviousValidUntil { get; private set; }

    public DateOnly NewValidUntil { get; private set; }

    /// <summary>Given after the permit was suspended; it restarted the continuous-residence count.</summary>
    public bool IsLate { get; private set; }
}

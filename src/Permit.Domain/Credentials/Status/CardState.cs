namespace Permit.Domain.Credentials.Status;

/// <summary>The state of a permit's current card in the status list v2 (docs/status-list.md, two bits a slot).</summary>
public enum CardState : byte
{
    Valid = 0,
    Revoked = 1,
    Suspended = 2,
}

/// <summary>
/// One slot of a section: the permit's current card sequence (0: no card on the list), that card's state, and the
/// valid-until the issuer extended it to after an endorsement (null: none). Cards with a lower sequence are superseded.
/// </summary>
public readonly record struct StatusEntry(byte CurrentSequence, CardState State, DateOnly? ValidUntil)
{
    public static StatusEntry Empty => default;

    public bool IsEmpty => CurrentSequence == 0;
}

/// <summary>A section's key: the permit number's issuing region (6 digits) and issue year.</summary>
public readonly record struct SectionKey(string Region, int Year)
{
    /// <summary>The encoding order: by region (bytewise), then year.</summary>
    public static int Compare(SectionKey a, SectionKey b)
    {
        var byRegion = string.CompareOrdinal(a.Region, b.Region);
        return byRegion != 0 ? byRegion : a.Year.CompareTo(b.Year);
    }

    public override string ToString() => $"{Region}/{Year}";
}

/// <summary>One slot's new value in a delta: which permit (section, serial) and what its slot now says.</summary>
public readonly record struct StatusChange(SectionKey Section, int Serial, StatusEntry Entry);

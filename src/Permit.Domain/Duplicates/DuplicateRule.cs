namespace Permit.Domain.Duplicates;

/// <summary>Why two records are suspected to be one person (docs/duplicates.md). Stored by name: keep the names.</summary>
public enum DuplicateRule
{
    /// <summary>Same name and birth date; the ID numbers' 17-digit bodies differ in one digit.</summary>
    IdNumberOneDigit = 1,

    /// <summary>Same name and birth date; two neighbouring digits of the bodies are swapped.</summary>
    IdNumberTransposition = 2,

    /// <summary>Same name; a 15-digit number and an 18-character one share the 15-digit form.</summary>
    OldAndNewIdNumber = 3,

    /// <summary>Same ID number and birth date, the names written differently (width, spaces, middle dot, traditional form).</summary>
    NameWrittenDifferently = 4,
}

using Permit.Domain.Identity;

namespace Permit.Api.Features.Duplicates;

/// <summary>
/// What is left of a resident merged into another: its id (audit lines still name it, the chain cannot be rewritten),
/// the survivor it now lives on as, and the name and ID number it was recorded under (the number encrypted like every
/// citizen ID number in the database). A lookup of the old id finds the survivor here.
/// </summary>
public sealed class ResidentMerge
{
    private ResidentMerge()
    {
        MergedName = null!;
        MergedCitizenId = null!;
        MergedBy = null!;
    }

    public Guid MergedId { get; private set; }

    public Guid SurvivorId { get; private set; }

    public Guid SuspicionId { get; private set; }

    public string MergedName { get; private set; }

    public CitizenIdNumber MergedCitizenId { get; private set; }

    public string MergedBy { get; private set; }

    public DateTimeOffset MergedAt { get; private set; }

    /// <summary>Rows moved from the merged resident to the survivor, all tables together.</summary>
    public int RowsMoved { get; private set; }

    public static ResidentMerge Record(Guid mergedId, Guid survivorId, Guid suspicionId, string name, CitizenIdNumber number, string officer, DateTimeOffset now, int rowsMoved) => new()
    {
        MergedId = mergedId,
        SurvivorId = survivorId,
        SuspicionId = suspicionId,
        MergedName = name,
        MergedCitizenId = number,
        MergedBy = officer.Length > DuplicateSuspicion.OfficerMaxLength ? officer[..DuplicateSuspicion.OfficerMaxLength] : officer,
        MergedAt = now,
        RowsMoved = rowsMoved,
    };
}

namespace Permit.Domain.Settlement;

public enum RoundStatus
{
    /// <summary>Taking applications inside the window.</summary>
    Open = 1,

    /// <summary>Ranked and on public display (公示); objections are filed and decided.</summary>
    Publicity = 2,

    /// <summary>The final list is fixed and the settled applicants' permits have ended.</summary>
    Final = 3,
}

/// <summary>
/// A yearly points-based settlement round (积分落户): a quota, an application window, eligibility floors and the index
/// version it ranks by, all fixed when it opens. Published for a publicity period in which objections are taken, then
/// made final. The stages only move forward.
/// </summary>
public sealed class SettlementRound
{
    private SettlementRound()
    {
        IndexVersion = null!;
        OpenedBy = null!;
    }

    private SettlementRound(int year, int quota, string indexVersion, DateOnly opens, DateOnly closes, int publicityDays, RoundFloors floors, string openedBy)
    {
        Id = Guid.CreateVersion7();
        Year = year;
        Quota = quota;
        IndexVersion = indexVersion;
        ApplicationOpens = opens;
        ApplicationCloses = closes;
        PublicityDays = publicityDays;
        FloorPermitMonths = floors.PermitMonths;
        FloorInsuranceMonths = floors.InsuranceMonths;
        FloorNoFreeze = floors.NoFreeze;
        OpenedBy = openedBy;
        Status = RoundStatus.Open;
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public int Quota { get; private set; }

    /// <summary>The settlement index's <c>id@version</c>.</summary>
    public string IndexVersion { get; private set; }

    public DateOnly ApplicationOpens { get; private set; }

    public DateOnly ApplicationCloses { get; private set; }

    public int PublicityDays { get; private set; }

    public int FloorPermitMonths { get; private set; }

    public int FloorInsuranceMonths { get; private set; }

    public bool FloorNoFreeze { get; private set; }

    public string OpenedBy { get; private set; }

    public RoundStatus Status { get; private set; }

    public DateOnly? PublicityOpens { get; private set; }

    public DateOnly? PublicityCloses { get; private set; }

    public DateOnly? FinalizedOn { get; private set; }

    public RoundFloors Floors => new(FloorPermitMonths, FloorInsuranceMonths, FloorNoFreeze);

    public static SettlementRound Open(int year, int quota, SettlementIndex index, DateOnly opens, DateOnly closes, int publicityDays, RoundFloors floors, string openedBy)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(floors);
        if (year is < 2000 or > 2100)
            throw new DomainException("settlement-round-year-invalid", "The round's year is not plausible.");
        if (quota < 1)
            throw new DomainException("settlement-round-quota-invalid", "The quota is at least 1.");
        if (closes < opens)
            throw new DomainException("settlement-round-window-invalid", "The application window closes before it opens.");
        if (publicityDays is < 5 or > 60)
            throw new DomainException("settlement-round-publicity-invalid", "The publicity period is 5 to 60 days.");
        if (floors.PermitMonths < 0 || floors.InsuranceMonths < 0)
            throw new DomainException("settlement-round-floors-invalid", "Floors cannot be negative.");
        return new SettlementRound(year, quota, index.Label, opens, closes, publicityDays, floors,
            Guard.Text(openedBy, "settlement-officer-required", "The officer", 100));
    }

    /// <summary>Applications are taken while the round is open and <paramref name="today"/> is inside the window.</summary>
    public void EnsureTakingApplications(DateOnly today)
    {
        if (Status != RoundStatus.Open || today < ApplicationOpens || today > ApplicationCloses)
        {
            throw new DomainException("settlement-round-not-taking-applications", "The round takes applications only inside its application window.",
                new Dictionary<string, string> { ["opens"] = ApplicationOpens.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["closes"] = ApplicationCloses.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    /// <summary>
    /// Closes the application window early, at the end of <paramref name="today"/>: a supervisor's call when the round has
    /// what it needs. Applications entered today still count; the ranking can be published from tomorrow.
    /// </summary>
    public void CloseApplications(DateOnly today)
    {
        EnsureTakingApplications(today);
        ApplicationCloses = today;
    }

    /// <summary>Publishes the ranking for <see cref="PublicityDays"/> days from <paramref name="today"/>, once the window has closed.</summary>
    public void Publish(DateOnly today)
    {
        if (Status != RoundStatus.Open)
            throw new DomainException("settlement-round-wrong-stage", "The round has already been published.");
        if (today <= ApplicationCloses)
            throw new DomainException("settlement-round-window-still-open", "The ranking is published after the application window closes.");
        Status = RoundStatus.Publicity;
        PublicityOpens = today;
        PublicityCloses = today.AddDays(PublicityDays - 1);
    }

    /// <summary>Objections are filed and decided only during the publicity period.</summary>
    public void EnsureObjectionWindow(DateOnly today)
    {
        if (Status != RoundStatus.Publicity || today < PublicityOpens || today > PublicityCloses)
        {
            throw new DomainException("settlement-objection-outside-window", "Objections are filed and decided only during the publicity period.",
                PublicityOpens is null ? new Dictionary<string, string>()
                    : new Dictionary<string, string> { ["opens"] = PublicityOpens.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), ["closes"] = PublicityCloses!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    /// <summary>Fixes the final list once the publicity period is over and no objection is pending.</summary>
    public void Finalize(DateOnly today, int pendingObjections)
    {
        if (Status != RoundStatus.Publicity)
            throw new DomainException("settlement-round-wrong-stage", "Only a published round is made final, and only once.");
        if (today <= PublicityCloses)
            throw new DomainException("settlement-round-publicity-running", "The list is made final after the publicity period ends.");
        if (pendingObjections > 0)
            throw new DomainException("settlement-round-objections-pending", "Every objection must be decided before the list is final.");
        Status = RoundStatus.Final;
        FinalizedOn = today;
    }
}

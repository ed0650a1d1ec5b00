using Permit.Domain.Families;

namespace Permit.Domain.Settlement;

public enum SettlementStatus
{
    /// <summary>Received; the one-time notice lists every unmet condition (possibly none).</summary>
    Submitted = 1,

    /// <summary>A supervisor approved it: the applicant and the named members settle (their permits end).</summary>
    Approved = 2,

    Refused = 3,
}

/// <summary>A family member who settles with the applicant, as checked when the application was made.</summary>
public sealed class SettlingMember
{
    private SettlingMember() { }

    internal SettlingMember(SettlingMemberFacts facts)
    {
        MemberId = facts.MemberId;
        Relationship = facts.Relationship;
        Age = facts.Age;
        LivesTogether = facts.LivesTogether;
        UnmarriedWithoutIncome = facts.UnmarriedWithoutIncome;
    }

    public Guid MemberId { get; private set; }

    public FamilyRelationship Relationship { get; private set; }

    public int Age { get; private set; }

    public bool LivesTogether { get; private set; }

    public bool UnmarriedWithoutIncome { get; private set; }

    /// <summary>
    /// The members an applicant names to settle with them, checked the one way both routes (category and points) check
    /// them: each named once and never the applicant, and each passing <paramref name="set"/>'s family rules (a member who
    /// fails is refused with every such problem named).
    /// </summary>
    public static IReadOnlyList<SettlingMember> CheckAll(Guid applicantId, SettlementConditionSet set, IReadOnlyList<SettlingMemberFacts> members)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(members);
        EnsureNamedOnce(applicantId, members.Select(m => m.MemberId).ToList());
        var problems = members.SelectMany(m => set.CheckMember(m).Select(p => $"{m.MemberId}:{p}")).ToList();
        if (problems.Count > 0)
        {
            throw new DomainException("settlement-member-not-eligible", "A named family member may not settle with the applicant.",
                new Dictionary<string, string> { ["members"] = string.Join(',', problems) });
        }
        return [.. members.Select(m => new SettlingMember(m))];
    }

    /// <summary>Each member named once, and not the applicant: checked before anything is looked up about them.</summary>
    public static void EnsureNamedOnce(Guid applicantId, IReadOnlyCollection<Guid> memberIds)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        if (memberIds.Distinct().Count() != memberIds.Count || memberIds.Contains(applicantId))
            throw new DomainException("settlement-member-repeated", "Name each family member once, and not the applicant.");
    }
}

/// <summary>
/// A category-based settlement application (分类落户). Submitting assesses every condition of the category at once and
/// keeps the unmet ones as the one-time notice (一次性告知); each named family member must pass the family rules. Only a
/// supervisor decides, always with reasons, and approval needs every condition met on the decision day.
/// </summary>
public sealed class SettlementApplication
{
    public const int MaxReasonsLength = 1000;

    private readonly List<SettlingMember> _members = [];

    private SettlementApplication()
    {
        Category = null!;
        ConditionSetVersion = null!;
        SubmittedBy = null!;
        UnmetConditions = null!;
    }

    private SettlementApplication(Guid applicantId, string category, string conditionSetVersion, DateOnly submittedOn, string submittedBy, string unmet)
    {
        Id = Guid.CreateVersion7();
        ApplicantId = applicantId;
        Category = category;
        ConditionSetVersion = conditionSetVersion;
        SubmittedOn = submittedOn;
        SubmittedBy = submittedBy;
        UnmetConditions = unmet;
        Status = SettlementStatus.Submitted;
    }

    public Guid Id { get; private set; }

    public Guid ApplicantId { get; private set; }

    public string Category { get; private set; }

    /// <summary>The condition set's <c>id@version</c> the application was assessed under.</summary>
    public string ConditionSetVersion { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public string SubmittedBy { get; private set; }

    /// <summary>The codes of the conditions unmet at the last assessment, comma-separated (empty when all are met).</summary>
    public string UnmetConditions { get; private set; }

    public SettlementStatus Status { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecisionReasons { get; private set; }

    /// <summary>The documents the officer saw presented (condition <c>document</c> codes), comma-separated.</summary>
    public string Documents { get; private set; } = "";

    /// <summary>The declared and evidenced investment in 万元, when the category asks for one.</summary>
    public decimal? InvestmentTenThousandYuan { get; private set; }

    public IReadOnlyCollection<SettlingMember> Members => _members.AsReadOnly();

    /// <summary>The documents as a set, to assess again with the register's facts of another day.</summary>
    public IReadOnlySet<string> DocumentSet() => Documents.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Submits an application under <paramref name="set"/>'s <paramref name="categoryCode"/>. The results are those of
    /// <see cref="SettlementCategory.Assess"/>; a member who fails the family rules is refused with every such problem named.
    /// </summary>
    public static SettlementApplication Submit(
        Guid applicantId, SettlementConditionSet set, string categoryCode, SettlementFacts facts,
        IReadOnlyList<SettlingMemberFacts> members, DateOnly today, string officer)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(members);
        var category = set.Category(categoryCode)
            ?? throw new DomainException("settlement-category-unknown", $"Condition set {set.Label} has no category '{categoryCode}'.");
        if (facts.InvestmentTenThousandYuan is < 0)
            throw new DomainException("settlement-investment-invalid", "The investment cannot be negative.");
        var settling = SettlingMember.CheckAll(applicantId, set, members);

        var application = new SettlementApplication(applicantId, categoryCode, set.Label, today,
            Guard.Text(officer, "settlement-officer-required", "The officer", 100), Unmet(category.Assess(facts)))
        {
            Documents = string.Join(',', facts.Documents.Order(StringComparer.Ordinal)),
            InvestmentTenThousandYuan = facts.InvestmentTenThousandYuan,
        };
        application._members.AddRange(settling);
        return application;
    }

    /// <summary>
    /// Approves: needs a supervisor, reasons, and every condition of the category met by <paramref name="facts"/> (the
    /// register's facts on the decision day, with the documents and investment stored on the application).
    /// </summary>
    public void Approve(Official official, string? reasons, SettlementConditionSet set, SettlementFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = CheckDecision(official, reasons);
        var category = set.Category(Category) ?? throw new DomainException("settlement-category-unknown", $"Condition set {set.Label} has no category '{Category}'.");
        var unmet = Unmet(category.Assess(facts));
        if (unmet.Length > 0)
        {
            throw new DomainException("settlement-conditions-unmet", "Every condition of the category must be met before approval.",
                new Dictionary<string, string> { ["unmet"] = unmet });
        }
        Record(official, text, today, SettlementStatus.Approved);
        UnmetConditions = unmet;
    }

    public void Refuse(Official official, string? reasons, DateOnly today) =>
        Record(official, CheckDecision(official, reasons), today, SettlementStatus.Refused);

    private string CheckDecision(Official official, string? reasons)
    {
        ArgumentNullException.ThrowIfNull(official);
        if (!official.IsSupervisor)
            throw new DomainException("settlement-supervisor-required", "Only a supervisor decides a settlement application.");
        if (Status != SettlementStatus.Submitted)
            throw new DomainException("settlement-already-decided", "This settlement application has already been decided.");
        return Guard.Text(reasons, "settlement-reasons-required", "The reasons", MaxReasonsLength);
    }

    private void Record(Official official, string reasons, DateOnly today, SettlementStatus status)
    {
        DecisionReasons = reasons;
        DecidedBy = official.Id;
        DecidedOn = today;
        Status = status;
    }

    private static string Unmet(IReadOnlyList<ConditionResult> results) => string.Join(',', results.Where(r => !r.Met).Select(r => r.Code));
}

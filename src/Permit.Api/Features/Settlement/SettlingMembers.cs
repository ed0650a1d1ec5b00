using System.Security.Claims;
using Permit.Api.Features.Families;
using Permit.Domain.Families;
using Permit.Domain.Settlement;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// The family members an applicant names to settle with them, looked up the one way both routes (分类落户 and 积分落户)
/// look them up: each must be a recorded spouse, child or parent of the applicant that the officer may see; the age is
/// the member's on <c>today</c>, and "living together" means the same active registration address as the applicant.
/// A stranger, a resident of another district and an unknown id get the same answer, so the answer tells nothing about
/// who exists. The family rules themselves are the domain's (<see cref="SettlingMember.CheckAll"/>).
/// </summary>
public static class SettlingMembers
{
    public const string NotFamilyCode = "settlement-member-not-family";

    /// <summary>The named members' facts, or the refusal when one is not a family member the officer may see.</summary>
    public static async Task<(IReadOnlyList<SettlingMemberFacts> Members, ValidationProblem? Refusal)> FactsAsync(
        PermitDbContext db, ClaimsPrincipal user, Guid applicantId, string? applicantAddress, IReadOnlyList<SettlingMemberRequest>? named,
        DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        named ??= [];
        if (named.Count == 0)
            return ([], null);
        SettlingMember.EnsureNamedOnce(applicantId, [.. named.Select(n => n.MemberId)]);
        var family = await FamiliesApi.MembersOfAsync(db, user, applicantId, today, ct);
        var members = new List<SettlingMemberFacts>();
        foreach (var request in named)
        {
            var link = family.FirstOrDefault(f => f.MemberId == request.MemberId);
            if (link is null)
                return ([], Problems.Invalid("members", "Every member must be a recorded spouse, child or parent of the applicant.", NotFamilyCode));
            var memberFacts = await RegisterFacts.OfAsync(db, request.MemberId, today, ct);
            var together = applicantAddress is not null && string.Equals(applicantAddress, memberFacts.Address, StringComparison.Ordinal);
            members.Add(new SettlingMemberFacts(request.MemberId, Enum.Parse<FamilyRelationship>(link.Relationship, ignoreCase: true), link.Age, together, request.UnmarriedWithoutIncome));
        }
        return (members, null);
    }

    /// <summary>Members as an officer sees them: names within the officer's jurisdiction, and each one's latest permit status.</summary>
    public static async Task<Func<SettlingMember, SettlingMemberResponse>> ViewAsync(
        PermitDbContext db, ClaimsPrincipal user, IEnumerable<SettlingMember> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = members.Select(m => m.MemberId).Distinct().ToList();
        if (ids.Count == 0)
            return m => new SettlingMemberResponse(m.MemberId, "", FamiliesApi.Name(m.Relationship), m.Age, m.LivesTogether, m.UnmarriedWithoutIncome, null);
        var people = await OfficerScope.Residents(db, user).AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var permits = await db.ResidencePermits.AsNoTracking().Where(p => ids.Contains(p.ResidentId))
            .Select(p => new { p.ResidentId, p.Status, p.IssueDate }).ToListAsync(ct);
        var status = permits.GroupBy(p => p.ResidentId).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.IssueDate).First().Status.ToString());
        return m => new SettlingMemberResponse(m.MemberId, people.GetValueOrDefault(m.MemberId, ""), FamiliesApi.Name(m.Relationship), m.Age,
            m.LivesTogether, m.UnmarriedWithoutIncome, people.ContainsKey(m.MemberId) ? status.GetValueOrDefault(m.MemberId) : null);
    }
}

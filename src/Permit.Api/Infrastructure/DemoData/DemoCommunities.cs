using Permit.Domain.Regions;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// The demo's community directory: a few communities in each of Zhenhai's six townships (镇海区 330211), including
/// 中街社区 (330211003001), the community the demo holder and the tests register in. Only an empty directory is filled,
/// so an admin's changes survive a restart. Demo residents seeded earlier may live in communities not listed here:
/// registrations keep whatever community they were made with.
/// </summary>
public static class DemoCommunities
{
    private static readonly (string Code, string Name)[] Listed =
    [
        ("330211001001", "城河社区"), ("330211001002", "后大街社区"), ("330211001003", "招宝山社区"),
        ("330211002001", "俞范社区"), ("330211002002", "蛟川社区"), ("330211002003", "迎周社区"),
        ("330211003001", "中街社区"), ("330211003002", "骆驼社区"), ("330211003003", "盛兴社区"),
        ("330211004001", "庄市社区"), ("330211004002", "勤勇村"), ("330211004003", "钟包村"),
        ("330211101001", "九龙湖村"), ("330211101002", "汶溪村"), ("330211101003", "横溪村"),
        ("330211100001", "澥浦社区"), ("330211100002", "岚山村"), ("330211100003", "十七房村"),
    ];

    /// <summary>Returns the number of communities added (0 when the directory already lists any).</summary>
    public static async Task<int> SeedAsync(PermitDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Communities.AnyAsync(cancellationToken).ConfigureAwait(false))
            return 0;
        foreach (var (code, name) in Listed)
            db.Communities.Add(Community.List(CommunityCode.Parse(code), name));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Listed.Length;
    }
}

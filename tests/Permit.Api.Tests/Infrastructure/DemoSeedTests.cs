using Permit.Api.Features.Permits;
using Permit.Api.Infrastructure.DemoData;
using Permit.Api.Tests.Persistence;
using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Tests.Infrastructure;

public sealed class DemoSeedTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public async Task The_demo_seed_fills_Zhenhai_with_residents_at_every_stage_and_only_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
            Assert.Equal(DemoSeed.ResidentCount, await DemoSeed.SeedAsync(db, Today, cancel));
        await using (var db = database.NewContext())
            Assert.Equal(0, await DemoSeed.SeedAsync(db, Today, cancel));

        await using var read = database.NewContext();
        Assert.Equal(DemoSeed.ResidentCount, await read.Residents.CountAsync(cancel));
        var communities = await read.ResidenceRegistrations.Select(r => r.CommunityCode).ToListAsync(cancel);
        Assert.All(communities, c => Assert.True(c.IsInZhenhai));
        Assert.True(communities.Select(c => c.TownshipCode).Distinct().Count() >= 5);
        var permits = await read.ResidencePermits.ToListAsync(cancel);
        Assert.Contains(permits, p => p.IsValidOn(Today) && p.Endorsements.Count == 0);
        Assert.Contains(permits, p => p.IsValidOn(Today) && p.Endorsements.Count == 1);
        Assert.Contains(permits, p => p.Status == PermitStatus.Suspended);
        Assert.All(permits.Where(p => p.Status == PermitStatus.Active), p => Assert.True(p.IsValidOn(Today)));
        var applications = await read.PermitApplications.Select(a => a.Status).ToListAsync(cancel);
        Assert.Contains(ApplicationStatus.Submitted, applications);
        Assert.Contains(ApplicationStatus.Accepted, applications);
        Assert.True(await read.Residents.CountAsync(cancel) > permits.Count + 50, "some residents are only registered");
    }

    [Fact]
    public async Task The_demo_directory_lists_communities_in_all_six_townships_with_zhongjie_among_them_and_only_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
            Assert.Equal(18, await DemoCommunities.SeedAsync(db, cancel));
        await using (var db = database.NewContext())
            Assert.Equal(0, await DemoCommunities.SeedAsync(db, cancel));

        await using var read = database.NewContext();
        var listed = await read.Communities.AsNoTracking().ToListAsync(cancel);
        Assert.Equal(["九龙湖镇", "庄市街道", "招宝山街道", "澥浦镇", "蛟川街道", "骆驼街道"],
            listed.Select(c => c.TownshipName).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(listed, c => c.Code.Value == "330211003001" && c.Name == "中街社区");
    }
}

public sealed class DemoSeedNumberingTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public async Task The_first_permit_issued_after_the_demo_seed_takes_the_next_free_number()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var db = database.NewContext())
            await DemoSeed.SeedAsync(db, Today, cancel);
        await using var issue = database.NewContext();
        var seeded = await issue.ResidencePermits.Select(p => p.Number).ToListAsync(cancel);
        var lastThisYear = seeded.Where(n => n.Value.Substring(6, 4) == "2026").Max(n => int.Parse(n.Value.AsSpan(10, 7), System.Globalization.CultureInfo.InvariantCulture));

        await using var transaction = await issue.Database.BeginTransactionAsync(cancel);
        var next = await PermitNumberAllocator.NextAsync(issue, RegionCode.Zhenhai, 2026, cancel);

        Assert.DoesNotContain(next, seeded);
        Assert.Equal(PermitNumber.Create(RegionCode.Zhenhai, 2026, lastThisYear + 1), next);
    }
}

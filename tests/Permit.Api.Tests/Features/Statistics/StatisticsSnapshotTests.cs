using System.Text.RegularExpressions;
using Permit.Api.Features.Statistics;
using Permit.Api.Tests.Features.Entitlements;
using Permit.Api.Tests.Features.Jobs;
using Permit.Domain.Regions;
using static Permit.Api.Tests.Web.OfficerListPagesTests;

namespace Permit.Api.Tests.Features.Statistics;

/// <summary>
/// The statistics page reads a snapshot (docs/statistics.md): it shows the figures and the time they were counted; after
/// later writes it keeps showing that snapshot until a refresh, whose figures are the direct counts again; a supervisor
/// reads only the figures of the own jurisdiction whoever caused the snapshot, and cannot force a new one; a snapshot
/// taken by one API node is what another node on the same database shows.
/// </summary>
public sealed partial class StatisticsSnapshotTests
{
    private const string YinzhouCommunity = "330212001001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Figures_written_later_appear_after_a_refresh_and_then_equal_the_direct_counts_with_the_new_time(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        using var admin = host.Officer(OfficerRole.Admin);
        for (var n = 0; n < 2; n++)
            await EntitlementArrange.ActiveHolderAsync(host, registrar, n);

        var before = await PageAsync(supervisor, "/admin");
        Assert.Equal(Comparable(await CountedFromEveryRowAsync(host)), Comparable(Figures(before)));
        var beforeTime = AsOf(before);
        Assert.Equal(host.Time.GetUtcNow(), beforeTime);
        Assert.DoesNotContain("statistics-refresh-form", before, StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromHours(1));
        await EntitlementArrange.ActiveHolderAsync(host, registrar, 2);
        var pending = await EntitlementArrange.PendingHolderAsync(host, registrar, 3);
        await EntitlementArrange.PointsAsync(host, pending.ResidentId, 120m);
        await JobsArrange.AcceptedApplicationAsync(host, new DateOnly(2026, 2, 2), person: 40);
        var changed = Comparable(await CountedFromEveryRowAsync(host));

        // The same day, no refresh: the snapshot's figures and time, not the writes since.
        var stale = await PageAsync(supervisor, "/admin");
        Assert.Equal(Comparable(Figures(before)), Comparable(Figures(stale)));
        Assert.Equal(beforeTime, AsOf(stale));
        Assert.NotEqual(changed, Comparable(Figures(stale)));

        var adminPage = await PageAsync(admin, "/admin");
        Assert.Contains("data-api=\"POST /api/admin/statistics/refresh\"", adminPage, StringComparison.Ordinal);
        using var refreshed = await admin.PostAsync(new Uri("/api/admin/statistics/refresh", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        var after = await PageAsync(supervisor, "/admin");
        Assert.Equal(changed, Comparable(Figures(after)));
        Assert.Equal(host.Time.GetUtcNow(), AsOf(after));
        // Older snapshots beyond the newest two are deleted: the table does not grow with the schedule.
        using var again = await admin.PostAsync(new Uri("/api/admin/statistics/refresh", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(2, await db.Set<StatisticsSnapshot>().CountAsync(Ct));
    }

    [Fact]
    public async Task A_Yinzhou_supervisor_sees_only_Yinzhous_figures_even_when_the_view_takes_the_snapshot_and_cannot_force_a_refresh()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        for (var n = 0; n < 3; n++)
            await EntitlementArrange.ActiveHolderAsync(host, registrar, n);
        var moved = await EntitlementArrange.PendingHolderAsync(host, registrar, 3);
        await EntitlementArrange.PointsAsync(host, moved.ResidentId, 45m);
        await using (var db = host.NewContext())
        {
            // One resident now lives in Yinzhou; the rest of the register is Zhenhai's.
            var resident = await db.Residents.SingleAsync(r => r.Id == moved.ResidentId, Ct);
            resident.PlaceIn(Jurisdiction.Parse(YinzhouCommunity));
            await db.SaveChangesAsync(Ct);
        }

        await host.AddOfficerAsync("yinzhou.supervisor", OfficerRole.Supervisor, jurisdiction: "330212");
        await host.AddOfficerAsync("zhenhai.supervisor", OfficerRole.Supervisor, jurisdiction: "330211");
        await host.AddOfficerAsync("luotuo.supervisor", OfficerRole.Supervisor, jurisdiction: "330211003");
        using var yinzhou = await host.BearerClientAsync("yinzhou.supervisor");
        using var zhenhai = await host.BearerClientAsync("zhenhai.supervisor");
        using var township = await host.BearerClientAsync("luotuo.supervisor");

        // Yinzhou's view is the first of the day: it takes the snapshot, of the whole register, and shows Yinzhou's part.
        var yinzhouPage = await PageAsync(yinzhou, "/admin");
        var yinzhouExpected = await CountedFromEveryRowAsync(host, Jurisdiction.Parse("330212"));
        Assert.Equal(Comparable(yinzhouExpected), Comparable(Figures(yinzhouPage)));
        Assert.True(yinzhouExpected.Bars.Sum() > 0, "Yinzhou's resident is counted.");
        Assert.Equal(Comparable(await CountedFromEveryRowAsync(host, Jurisdiction.Parse("330211"))), Comparable(Figures(await PageAsync(zhenhai, "/admin"))));
        Assert.Equal(Comparable(await CountedFromEveryRowAsync(host, Jurisdiction.Parse("330211003"))), Comparable(Figures(await PageAsync(township, "/admin"))));
        Assert.NotEqual(Comparable(await CountedFromEveryRowAsync(host)), Comparable(Figures(yinzhouPage)));

        // No refresh on demand for a supervisor: no button, and the endpoint refuses.
        Assert.DoesNotContain("statistics-refresh-form", yinzhouPage, StringComparison.Ordinal);
        using var forced = await yinzhou.PostAsync(new Uri("/api/admin/statistics/refresh", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        await using var check = host.NewContext();
        Assert.Equal(1, await check.Set<StatisticsSnapshot>().CountAsync(Ct));

        // Through Yinzhou's context the snapshot's rows are Yinzhou's areas only: never Zhenhai's, never the whole register's.
        check.LimitToJurisdiction(Jurisdiction.Parse("330212"));
        var areas = await check.Set<StatisticsFigure>().Select(f => f.Area).Distinct().ToListAsync(Ct);
        Assert.NotEmpty(areas);
        Assert.All(areas, a => Assert.StartsWith("330212", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_snapshot_taken_on_one_node_is_the_one_another_node_on_the_same_database_shows()
    {
        await using var first = new PermitTestHost(DatabaseProvider.Postgres);
        _ = first.Services; // migrates the shared database
        await using var second = new PermitTestHost(new TestHostOptions
        {
            Provider = DatabaseProvider.Postgres,
            SharedConnectionString = first.ConnectionString,
            SharedKeyDirectory = first.KeyDirectory,
        });
        using var registrar = first.Officer();
        using var adminOnFirst = first.Officer(OfficerRole.Admin);
        using var supervisorOnSecond = second.Officer(OfficerRole.Supervisor);
        using var supervisorOnFirst = first.Officer(OfficerRole.Supervisor);
        await EntitlementArrange.ActiveHolderAsync(first, registrar, 0);

        using var refreshed = await adminOnFirst.PostAsync(new Uri("/api/admin/statistics/refresh", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var taken = (await refreshed.Content.ReadFromJsonAsync<StatisticsApi.StatisticsRefreshed>(Ct))!;
        await EntitlementArrange.ActiveHolderAsync(first, registrar, 1);

        // The second node takes no snapshot of its own: it shows the first node's, with its time.
        var onSecond = await PageAsync(supervisorOnSecond, "/admin");
        Assert.Equal(taken.TakenAt, AsOf(onSecond));
        Assert.Equal(Comparable(Figures(await PageAsync(supervisorOnFirst, "/admin"))), Comparable(Figures(onSecond)));
        await using var db = first.NewContext();
        Assert.Equal([taken.SnapshotId], await db.Set<StatisticsSnapshot>().Select(s => s.Id).ToListAsync(Ct));
    }

    // Shown is a record holding a list: compared by its numbers.
    private static string Comparable(Shown shown) => $"{shown.Backlog} {string.Join(",", shown.Bars)}";

    private static DateTimeOffset AsOf(string html) =>
        DateTimeOffset.Parse(WebUtility.HtmlDecode(AsOfAttribute().Match(html).Groups[1].Value), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("id=\"statistics-as-of\" data-taken-at=\"([^\"]+)\"")]
    private static partial Regex AsOfAttribute();
}

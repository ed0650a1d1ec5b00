using System.Text.RegularExpressions;
using Permit.Api.Features.Points;
using Permit.Api.Tests.Features.Entitlements;
using Permit.Api.Tests.Features.Jobs;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Permits;

namespace Permit.Api.Tests.Web;

/// <summary>
/// The statistics page counts in the database and the approval queue pages there: the figures are those the page
/// computed from every row before (that computation is kept here as the oracle), each list page shows its slice
/// with the total, and both see only the officer's jurisdiction.
/// </summary>
public sealed partial class OfficerListPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_statistics_counted_by_the_database_are_the_figures_counted_from_every_row(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        for (var n = 0; n < 3; n++)
            await EntitlementArrange.ActiveHolderAsync(host, registrar, n);
        var pending = await EntitlementArrange.PendingHolderAsync(host, registrar, 3);
        await EntitlementArrange.PointsAsync(host, pending.ResidentId, 45.5m);
        await EntitlementArrange.PointsAsync(host, (await EntitlementArrange.PendingHolderAsync(host, registrar, 4)).ResidentId, 250m);
        await JobsArrange.AcceptedApplicationAsync(host, new DateOnly(2026, 2, 2), person: 40);
        await JobsArrange.AcceptedApplicationAsync(host, new DateOnly(2026, 3, 9), person: 41);
        await host.AddOfficerAsync("elsewhere.supervisor", OfficerRole.Supervisor, jurisdiction: "330212");

        // Today (10 March 2026), inside the holders' first endorsement window, and past their validity.
        foreach (var day in new[] { TimeSpan.Zero, TimeSpan.FromDays(350), TimeSpan.FromDays(20) })
        {
            host.Time.Advance(day);
            var expected = await CountedFromEveryRowAsync(host);
            var shown = Figures(await PageAsync(supervisor, "/admin"));
            Assert.Equal(expected.Backlog, shown.Backlog);
            Assert.Equal(expected.Bars, shown.Bars);

            // Signed in again on each day: a token from the password outlives no year.
            using var elsewhere = await host.BearerClientAsync("elsewhere.supervisor");
            var outside = Figures(await PageAsync(elsewhere, "/admin"));
            Assert.Equal((0, 0, 0, 0), outside.Backlog);
            Assert.All(outside.Bars, v => Assert.Equal(0, v));
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_approval_queue_shows_its_pages_in_due_date_order_with_the_total_and_only_in_the_jurisdiction(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var accepted = new List<Guid>();
        for (var n = 0; n < 55; n++)
            accepted.Add(await JobsArrange.AcceptedApplicationAsync(host, new DateOnly(2026, 2, 1).AddDays(n % 35), person: 40 + n));
        await host.AddOfficerAsync("elsewhere.supervisor", OfficerRole.Supervisor, jurisdiction: "330212");
        using var elsewhere = await host.BearerClientAsync("elsewhere.supervisor");

        var first = await PageAsync(supervisor, "/desk/queue");
        var second = await PageAsync(supervisor, "/desk/queue?page=2");
        var past = await PageAsync(supervisor, "/desk/queue?page=9");

        var firstIds = Applications(first);
        var secondIds = Applications(second);
        Assert.Equal(50, firstIds.Count);
        Assert.Equal(5, secondIds.Count);
        Assert.Equal(accepted.Order(), firstIds.Concat(secondIds).Order());
        Assert.Equal([1, 50, 55], Position(first));
        Assert.Equal([51, 55, 55], Position(second));
        Assert.Contains("href=\"/desk/queue?page=2\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", second, StringComparison.Ordinal);
        // A link past the end shows the last page.
        Assert.Equal(secondIds, Applications(past));
        await using (var db = host.NewContext())
        {
            var dueDates = await db.PermitApplications.Where(a => a.Status == ApplicationStatus.Accepted)
                .ToDictionaryAsync(a => a.Id, a => a.DueDate, Ct);
            var shownDueDates = firstIds.Concat(secondIds).Select(id => dueDates[id]).ToList();
            Assert.Equal(shownDueDates.Order(), shownDueDates);
        }

        var outside = await PageAsync(elsewhere, "/desk/queue");
        Assert.Empty(Applications(outside));
        Assert.Contains("id=\"queue-empty\"", outside, StringComparison.Ordinal);
    }

    internal sealed record Shown((int WindowOpen, int Overdue, int Suspended, int PastDue) Backlog, IReadOnlyList<int> Bars);

    internal static async Task<string> PageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    internal static Shown Figures(string html)
    {
        int Figure(string id) => int.Parse(Regex.Match(html, $"id=\"{id}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new Shown(
            (Figure("window-open"), Figure("endorsement-overdue"), Figure("suspended"), Figure("applications-past-due")),
            [.. BarTitle().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))]);
    }

    // The pager's "first–last of total", read as its numbers in any language.
    private static List<int> Position(string html) =>
        [.. Regex.Matches(WebUtility.HtmlDecode(Regex.Match(html, "id=\"pager-position\">([^<]*)<").Groups[1].Value), "\\d+")
            .Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<Guid> Applications(string html) =>
        [.. Regex.Matches(html, "data-application=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value))];

    [GeneratedRegex("<title>[^<]*: (\\d+)</title>")]
    private static partial Regex BarTitle();

    // The page's computation before it counted in the database: every row loaded and counted in memory (through the
    // jurisdiction filters when one is given, as an officer of it reads the register).
    internal static async Task<Shown> CountedFromEveryRowAsync(PermitTestHost host, Permit.Domain.Regions.Jurisdiction? jurisdiction = null)
    {
        await using var db = host.NewContext();
        if (jurisdiction is not null)
            db.LimitToJurisdiction(jurisdiction);
        var today = ChinaDate.Today(host.Time);
        var months = Enumerable.Range(0, 12).Select(i => today.AddMonths(i - 11)).Select(d => (d.Year, d.Month)).ToList();
        List<int> ByMonth(IEnumerable<DateOnly> dates)
        {
            var counts = dates.GroupBy(d => (d.Year, d.Month)).ToDictionary(g => g.Key, g => g.Count());
            return [.. months.Select(m => counts.GetValueOrDefault(m))];
        }

        var registrations = await db.ResidenceRegistrations.AsNoTracking().ToListAsync(Ct);
        var byCommunity = registrations
            .GroupBy(r => r.CommunityCode.KnownName ?? $"{r.CommunityCode.TownshipName} {r.CommunityCode.Value[9..]}")
            .Select(g => (g.Key, Count: g.Count())).OrderByDescending(b => b.Count).ThenBy(b => b.Key, StringComparer.Ordinal).Take(12).Select(b => b.Count);
        var permits = await db.ResidencePermits.AsNoTracking().ToListAsync(Ct);
        var byStatus = permits.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => g.Count());
        var pastDue = await db.PermitApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Accepted).Select(a => a.DueDate).ToListAsync(Ct);
        var totals = await db.Set<PointsBalance>().AsNoTracking().Select(b => b.Total).ToListAsync(Ct);
        var points = totals.GroupBy(t => Math.Clamp(t / 20, 0, 10)).OrderBy(g => g.Key).Select(g => g.Count());
        return new Shown(
            (permits.Count(p => p.Status == PermitStatus.Active && p.EndorsementWindow.Contains(today)),
                permits.Count(p => p.Status == PermitStatus.Active && p.IsEndorsementOverdue(today)),
                permits.Count(p => p.Status == PermitStatus.Suspended),
                pastDue.Count(d => d < today)),
            [.. byCommunity, .. ByMonth(registrations.Select(r => r.RegistrationDate)), .. ByMonth(permits.Select(p => p.IssueDate)), .. byStatus, .. points]);
    }
}

using System.Text;
using Permit.Domain.Points;
using static Permit.Api.Tests.Features.Points.PointsArrange;

namespace Permit.Api.Tests.Features.Points;

/// <summary>Rule-set versions, the holder's what-if and re-reviews (复核), on SQLite and PostgreSQL.</summary>
public sealed class PointsReviewAndRuleSetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Publishing_a_new_version_recomputes_every_balance_and_keeps_the_old_explanation(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        using var residence = await RecordAsync(registrar, resident, IndicatorCodes.Residence, quantity: 40, ct: Ct);
        using var home = await RecordAsync(registrar, resident, IndicatorCodes.Housing, "own-home", ct: Ct);
        // Version 2: residence counts 0.5 a month (still capped at 30) and an own home 15.
        var v2 = PointsRuleSets.NingboZhenhai2026Json()
            .Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("\"pointsPerUnit\": 0.25", "\"pointsPerUnit\": 0.5", StringComparison.Ordinal)
            .Replace("\"label\": \"自有住房\", \"points\": 20", "\"label\": \"自有住房\", \"points\": 15", StringComparison.Ordinal);

        using var byRegistrar = await registrar.PostAsync("/api/points/rule-sets", new StringContent(v2, Encoding.UTF8, "application/json"), Ct);
        using var published = await supervisor.PostAsync("/api/points/rule-sets", new StringContent(v2, Encoding.UTF8, "application/json"), Ct);
        using var again = await supervisor.PostAsync("/api/points/rule-sets", new StringContent(v2, Encoding.UTF8, "application/json"), Ct);
        using var broken = await supervisor.PostAsync("/api/points/rule-sets", new StringContent("{\"id\":\"x\"}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var now = await registrar.GetFromJsonAsync<StatementView>($"/api/points/residents/{resident}", Ct);
        var before = await registrar.GetFromJsonAsync<StatementView>($"/api/points/residents/{resident}?ruleSetVersion=ningbo-zhenhai@1", Ct);
        Assert.Equal(("ningbo-zhenhai@2", 20m + 20m + 15m), (now!.RuleSetVersion, now.Total));
        Assert.Equal(("ningbo-zhenhai@1", 20m + 10m + 20m), (before!.RuleSetVersion, before.Total));
        var balance = await BalanceAsync(host, resident, Ct);
        Assert.Equal(("ningbo-zhenhai@2", 5500), (balance.RuleSetVersion, balance.TotalHundredths));
        // The ledger says which version moved what: the old entries stay, the recompute adds the difference.
        var entries = await EntriesAsync(host, resident, Ct);
        Assert.Equal(
            [("Evidence", IndicatorCodes.Residence, 10m, "ningbo-zhenhai@1"), ("Evidence", IndicatorCodes.Housing, 20m, "ningbo-zhenhai@1"),
             ("Recompute", IndicatorCodes.Housing, -5m, "ningbo-zhenhai@2"), ("Recompute", IndicatorCodes.Residence, 10m, "ningbo-zhenhai@2")],
            entries.Select(e => (e.Kind.ToString(), e.Indicator, e.Points, e.RuleSetVersion)));
        // Accrual under the new version scores with the new rate.
        await AccrueAsync(host, 2026, 2, Ct);
        Assert.Equal(2000 + 2050 + 1500, (await BalanceAsync(host, resident, Ct)).TotalHundredths);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_what_if_answers_without_writing_anything(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        using var college = await RecordAsync(officer, resident, IndicatorCodes.Education, "college", ct: Ct);
        using var holder = host.Migrant(resident);
        var counts = await CountsAsync(host);

        using var response = await holder.PostAsJsonAsync("/api/self-service/points/what-if", new
        {
            levels = new Dictionary<string, string[]> { [IndicatorCodes.Education] = ["bachelor-or-higher"], [IndicatorCodes.Housing] = ["own-home"] },
            extraSocialInsuranceMonths = 12,
        }, Ct);
        using var invalid = await holder.PostAsJsonAsync("/api/self-service/points/what-if", new { quantities = new Dictionary<string, int> { ["city.moon"] = 1 } }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var whatIf = await response.Content.ReadFromJsonAsync<WhatIfView>(Ct);
        Assert.Equal((28m, 56m, 28m), (whatIf!.CurrentTotal, whatIf.WhatIfTotal, whatIf.Difference)); // +2 education, +20 home, +6 insurance
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(counts, await CountsAsync(host));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_holder_asks_for_a_re_review_and_an_officer_rejects_one_and_corrects_another(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        using var wrong = await RecordAsync(officer, resident, IndicatorCodes.Skill, "grade-5", ct: Ct);
        var wrongEntry = (await wrong.Content.ReadFromJsonAsync<LedgerChangeView>(Ct))!.Entries[0];
        using var holder = host.Migrant(resident);

        using var filed = await holder.PostAsJsonAsync("/api/self-service/points/reviews", new { indicator = IndicatorCodes.Volunteer, reason = "我参加过5次志愿服务" }, Ct);
        using var duplicate = await holder.PostAsJsonAsync("/api/self-service/points/reviews", new { indicator = IndicatorCodes.Volunteer, reason = "再问一次" }, Ct);
        var first = (await filed.Content.ReadFromJsonAsync<ReviewView>(Ct))!;
        var queue = await officer.GetFromJsonAsync<List<ReviewView>>("/api/points/reviews?status=pending", Ct);
        using var rejectNoReason = await officer.PostAsJsonAsync($"/api/points/reviews/{first.Id}/reject", new { reason = "" }, Ct);
        using var rejected = await officer.PostAsJsonAsync($"/api/points/reviews/{first.Id}/reject", new { reason = "志愿服务记录未在系统备案，请提供证明" }, Ct);
        using var acceptRejected = await officer.PostAsJsonAsync($"/api/points/reviews/{first.Id}/accept", new { resolution = "x", facts = Array.Empty<object>() }, Ct);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        using var second = await holder.PostAsJsonAsync("/api/self-service/points/reviews", new { indicator = IndicatorCodes.Skill, reason = "我是三级（高级工），不是五级" }, Ct);
        var secondReview = (await second.Content.ReadFromJsonAsync<ReviewView>(Ct))!;
        using var accepted = await officer.PostAsJsonAsync($"/api/points/reviews/{secondReview.Id}/accept", new
        {
            resolution = "核实职业资格证书，更正为三级",
            reversals = new[] { wrongEntry.Id },
            facts = new[] { new { indicator = IndicatorCodes.Skill, level = "grade-3", evidenceReference = "职业资格证书 3302-2024-0815" } },
        }, Ct);
        var mine = await holder.GetFromJsonAsync<List<ReviewView>>("/api/self-service/points/reviews", Ct);
        var statement = await holder.GetFromJsonAsync<StatementView>("/api/self-service/points/", Ct);

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains(queue!, r => r.Id == first.Id && r.Status == "Pending");
        Assert.Equal(HttpStatusCode.BadRequest, rejectNoReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, acceptRejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(
            [("Accepted", "核实职业资格证书，更正为三级"), ("Rejected", "志愿服务记录未在系统备案，请提供证明")],
            mine!.Select(r => (r.Status, r.Resolution!)));
        Assert.Equal((8m, 28m), (statement!.Line(IndicatorCodes.Skill).Points, statement.Total));
        var entries = await EntriesAsync(host, resident, Ct);
        Assert.Equal(["officer", "review", "review"], entries.Select(e => e.Source));
    }

    [Fact]
    public async Task A_holder_sees_only_their_own_points()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var resident = await ResidentAsync(host, new DateOnly(1990, 1, 1), ct: Ct);
        using var stranger = host.Migrant(Guid.NewGuid());

        using var own = await stranger.GetAsync(new Uri("/api/self-service/points/", UriKind.Relative), Ct);
        using var someoneElses = await stranger.GetAsync(new Uri($"/api/points/residents/{resident}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElses.StatusCode);
    }

    private static async Task<(int Entries, int Balances, int Reviews, int Audit)> CountsAsync(PermitTestHost host)
    {
        await using var db = host.NewContext();
        return (await db.PointsEntries.CountAsync(Ct), await db.PointsBalances.CountAsync(Ct), await db.PointsReviews.CountAsync(Ct),
            await db.Set<Permit.Api.Audit.AuditEntry>().CountAsync(Ct));
    }
}

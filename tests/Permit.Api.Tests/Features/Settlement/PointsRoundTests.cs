using System.Reflection;
using Permit.Api.Features.Points;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Entitlements;
using Permit.Domain.Permits;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.Settlement.SettlementArrange;

namespace Permit.Api.Tests.Features.Settlement;

/// <summary>
/// 积分落户 end to end: 200 applicants, a quota of 20 with ties at the cut, publicity with masked data, an upheld objection
/// that moves an applicant above the cut, a reproducible final list, and the settled applicants' permits ended and cards
/// refused at a counter.
/// </summary>
public sealed class PointsRoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Insurance years per applicant: two card holders with 6, 15 with 5 (75 points), 10 with 4 (60: the cut falls among them), the rest 1–3, some none.</summary>
    private static int YearsOf(int n) => n switch
    {
        < 2 => 6,
        < 17 => 5,
        < 27 => 4,
        < 190 => 1 + (n % 3),
        _ => 0,
    };

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_round_of_200_ranks_publishes_takes_an_objection_and_settles_20_whose_cards_are_then_refused(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var holders = new[] { await ActiveHolderAsync(host, registrar, 0), await ActiveHolderAsync(host, registrar, 1) };
        var others = await PermitArrange.ApprovedApplicationsAsync(host, 198, first: 2);
        foreach (var other in others)
            await PermitArrange.IssueAsync(registrar, other.ApplicationId);
        var residents = holders.Select(h => h.ResidentId).Concat(others.Select(o => o.ResidentId)).ToList();
        await CoversAsync(host, residents);

        using var opened = await supervisor.PostAsJsonAsync("/api/settlement/rounds", new
        {
            year = 2026, quota = 20, applicationOpens = "2026-03-10", applicationCloses = "2026-03-31", publicityDays = 7,
            permitMonths = 0, insuranceMonths = 12, noFreeze = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var round = (await opened.Content.ReadFromJsonAsync<RoundResponse>(Ct))!;
        var applicantOf = new Dictionary<Guid, Guid>();
        foreach (var resident in residents)
        {
            using var entered = await registrar.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/applicants", new { residentId = resident }, Ct);
            Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
            applicantOf[resident] = (await entered.Content.ReadFromJsonAsync<RoundApplicantResponse>(Ct))!.Id;
        }
        using (var twice = await registrar.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/applicants", new { residentId = residents[0] }, Ct))
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        host.Time.Advance(TimeSpan.FromDays(22)); // 1 April: the window has closed
        using var registrar2 = host.Officer();
        using var supervisor2 = host.Officer(OfficerRole.Supervisor);
        using var published = await supervisor2.PostAsync(new Uri($"/api/settlement/rounds/{round.Id}/publication", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var ranked = (await published.Content.ReadFromJsonAsync<RoundResponse>(Ct))!;
        Assert.True(ranked.Reproducible);
        Assert.Equal(20, ranked.Lines.Count(l => l.Outcome == "settled"));
        Assert.Equal(10, ranked.Lines.Count(l => l.Outcome == "ineligible"));
        // Ties at the cut: ranks 18 to 27 all have 60 points, and the final key decided who of them is in.
        Assert.All(ranked.Lines.Where(l => l.Rank is >= 18 and <= 27), l => Assert.Equal((60m, "final-key"), (l.Score, l.TieBreak)));
        var below = ranked.Lines.First(l => l.Rank == 21);
        var atCut = ranked.Lines.Single(l => l.Rank == 20);

        // The public list shows masked data only.
        using var anonymous = host.CreateClient();
        var publicity = await anonymous.GetStringAsync(new Uri($"/api/public/settlement-rounds/{round.Id}", UriKind.Relative), Ct);
        Assert.DoesNotContain("张伟", publicity, StringComparison.Ordinal);
        Assert.DoesNotContain(PermitArrange.IdNumber(0), publicity, StringComparison.Ordinal);
        Assert.Contains("张＊", publicity, StringComparison.Ordinal);
        Assert.Contains("110101********", publicity, StringComparison.Ordinal);
        // Razor encodes non-ASCII characters as entities: decode to read what a person sees.
        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri($"/publicity/settlement/{round.Id}", UriKind.Relative), Ct));
        Assert.DoesNotContain("张伟", page, StringComparison.Ordinal);
        Assert.DoesNotContain(PermitArrange.IdNumber(0), page, StringComparison.Ordinal);
        Assert.DoesNotContain(PermitArrange.IdNumber(0)[6..14], page, StringComparison.Ordinal);
        Assert.Contains("张＊", page, StringComparison.Ordinal);

        // Before the final list the holders' cards are genuine and their permits live at the counter.
        using var school = await TerminalAsync(host, "镇海实验小学", ServiceCategory.Education);
        foreach (var holder in holders)
        {
            var before = await CardAtCounterAsync(school, holder);
            Assert.Equal((true, null, "Active"), (before!.Credential.Genuine, before.Credential.RefusalReason, before.Permit?.Status));
        }

        // An objection: six years of insurance, not four. Upheld, the re-run moves the applicant above the cut.
        using var filed = await registrar2.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/objections", new
        {
            applicantId = below.ApplicantId, source = "insurance-months", claimedValue = "72", claim = "社保缴费少算两年（外区转入）",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var objection = (await filed.Content.ReadFromJsonAsync<ObjectionResponse>(Ct))!;
        using (var byRegistrar = await registrar2.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/objections/{objection.Id}/decision", new { decision = "uphold", reasons = "x" }, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        using var upheld = await supervisor2.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/objections/{objection.Id}/decision",
            new { decision = "uphold", reasons = "经社保局对账单核实" }, Ct);
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        var decided = (await upheld.Content.ReadFromJsonAsync<ObjectionResponse>(Ct))!;
        var moved = decided.Changes.Single(c => c.ApplicantId == below.ApplicantId);
        Assert.Equal((21, 3, "not-settled", "settled", 60m, 80m), (moved.RankBefore, moved.RankAfter, moved.OutcomeBefore, moved.OutcomeAfter, moved.ScoreBefore, moved.ScoreAfter));
        var dropped = decided.Changes.Single(c => c.ApplicantId == atCut.ApplicantId);
        Assert.Equal(("settled", "not-settled"), (dropped.OutcomeBefore, dropped.OutcomeAfter));

        // Outside the publicity period no objection is filed.
        host.Time.Advance(TimeSpan.FromDays(7)); // 8 April
        using var registrar3 = host.Officer();
        using var supervisor3 = host.Officer(OfficerRole.Supervisor);
        using (var late = await registrar3.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/objections", new
        {
            applicantId = atCut.ApplicantId, source = "residence-months", claimedValue = "40", claim = "迟到的异议",
        }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.EndsWith("/settlement-objection-outside-window", await PermitIssuanceTests.ProblemTypeAsync(late));
        }

        using var finalized = await supervisor3.PostAsync(new Uri($"/api/settlement/rounds/{round.Id}/final", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, finalized.StatusCode);
        var final = (await finalized.Content.ReadFromJsonAsync<FinalListResponse>(Ct))!;
        Assert.Equal("final", final.Round.Status);
        Assert.True(final.Round.Reproducible);
        Assert.Equal(20, final.PermitsEnded.Count);
        Assert.Contains(final.Round.Lines, l => l.ApplicantId == below.ApplicantId && l.Outcome == "settled");

        // Reproducible from the stored inputs alone: rank again now and compare with the stored final run.
        await using (var db = host.NewContext())
        {
            var stored = await db.Set<Permit.Domain.Settlement.SettlementRound>().SingleAsync(r => r.Id == round.Id, Ct);
            var again = await SettlementRounds.RankAsync(db, stored, Ct);
            Assert.Equal((await SettlementRounds.LatestRunAsync(db, round.Id, Ct))!.Result(), again);
        }

        using var notice = await registrar3.GetAsync(new Uri($"/api/settlement/rounds/{round.Id}/applicants/{below.ApplicantId}/notice", UriKind.Relative), Ct);
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType?.MediaType);

        // Both card holders are among the settled: the same cards are now refused, their permits ended for local hukou.
        Assert.All(holders, h => Assert.Contains(final.Round.Lines, l => l.ResidentId == h.ResidentId && l.Outcome == "settled"));
        foreach (var holder in holders)
        {
            var answer = await CardAtCounterAsync(school, holder);
            Assert.Equal((false, "Terminated"), (answer!.Eligible, answer.Permit?.Status));
            Assert.True(answer.ReasonCode is EntitlementReasons.PermitTerminated or Api.Features.Entitlements.LookupReasons.CredentialRefused, answer.ReasonCode);
        }

        // Every settled applicant's permit has ended, and no one else's: the applicant dropped below the cut keeps theirs.
        await using (var db = host.NewContext())
        {
            var settledResidents = final.Round.Lines.Where(l => l.Outcome == "settled").Select(l => l.ResidentId).ToList();
            var permits = await db.ResidencePermits.AsNoTracking().Where(p => residents.Contains(p.ResidentId)).Select(p => new { p.ResidentId, p.Status }).ToListAsync(Ct);
            Assert.Equal(20, settledResidents.Count);
            Assert.Equal(200, permits.Count);
            Assert.All(permits, p => Assert.Equal(settledResidents.Contains(p.ResidentId), p.Status == PermitStatus.Terminated));
            Assert.Contains(permits, p => p.ResidentId == atCut.ResidentId && p.Status != PermitStatus.Terminated);
        }
    }

    [Fact]
    public async Task A_supervisor_closes_the_window_early_so_later_entries_are_refused_and_a_registrar_cannot_close_it()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var applicants = await PermitArrange.ApprovedApplicationsAsync(host, 2);
        using var opened = await supervisor.PostAsJsonAsync("/api/settlement/rounds", new
        {
            year = 2026, quota = 1, applicationOpens = "2026-03-01", applicationCloses = "2026-04-30", publicityDays = 7,
            permitMonths = 0, insuranceMonths = 0, noFreeze = true,
        }, Ct);
        var round = (await opened.Content.ReadFromJsonAsync<RoundResponse>(Ct))!;
        using (var first = await registrar.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/applicants", new { residentId = applicants[0].ResidentId }, Ct))
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using (var byRegistrar = await registrar.PostAsync(new Uri($"/api/settlement/rounds/{round.Id}/closing", UriKind.Relative), null, Ct))
            Assert.Equal(HttpStatusCode.Forbidden, byRegistrar.StatusCode);
        using var closed = await supervisor.PostAsync(new Uri($"/api/settlement/rounds/{round.Id}/closing", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(Permit.Domain.Common.ChinaDate.Today(host.Time), (await closed.Content.ReadFromJsonAsync<RoundResponse>(Ct))!.ApplicationCloses);
        using (var publishedToday = await supervisor.PostAsync(new Uri($"/api/settlement/rounds/{round.Id}/publication", UriKind.Relative), null, Ct))
            Assert.EndsWith("/settlement-round-window-still-open", await PermitIssuanceTests.ProblemTypeAsync(publishedToday));

        host.Time.Advance(TimeSpan.FromDays(1));
        using var registrar2 = host.Officer();
        using var supervisor2 = host.Officer(OfficerRole.Supervisor);
        using (var late = await registrar2.PostAsJsonAsync($"/api/settlement/rounds/{round.Id}/applicants", new { residentId = applicants[1].ResidentId }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.EndsWith("/settlement-round-not-taking-applications", await PermitIssuanceTests.ProblemTypeAsync(late));
        }
        using var published = await supervisor2.PostAsync(new Uri($"/api/settlement/rounds/{round.Id}/publication", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(1, (await published.Content.ReadFromJsonAsync<RoundResponse>(Ct))!.Applicants);
    }

    /// <summary>Open social-insurance covers from the bureau's statement: applicant n has <see cref="YearsOf"/> years up to 10 March 2026.</summary>
    private static async Task CoversAsync(PermitTestHost host, List<Guid> residents)
    {
        await using var db = host.NewContext();
        var constructor = typeof(SocialInsuranceCover).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == 6);
        for (var n = 0; n < residents.Count; n++)
        {
            if (YearsOf(n) == 0)
                continue;
            db.Add(constructor.Invoke([residents[n], new DateOnly(2026, 3, 10).AddYears(-YearsOf(n)), null, "社保对账单", "test", host.Time.GetUtcNow()]));
        }
        await db.SaveChangesAsync(Ct);
    }
}

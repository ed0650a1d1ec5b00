using Permit.Api.Features.Duplicates;
using Permit.Api.Tests.Features.Residents;
using Permit.Api.Tests.Security;
using Permit.Api.Tests.Security.Sessions;
using Permit.Domain.Families;

namespace Permit.Api.Tests.Features.Duplicates;

public sealed class DuplicatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_person_registered_twice_under_a_mistyped_number_is_found_and_merged_keeping_every_record(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        DuplicateArrange.Pair pair;
        await using (var db = desk.NewContext())
            pair = await DuplicateArrange.TwiceRegisteredAsync(db, DeskData.Today, Ct);
        var supervisor = desk.Officer(OfficerRole.Supervisor);
        using (await supervisor.GetPathAsync($"/api/residents/{pair.Slip}")) { }

        using var run = await desk.Officer(OfficerRole.Admin).PostJsonAsync($"/api/admin/jobs/{DuplicateScanJob.JobName}/runs", new { });
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(1, (await run.JsonAsync()).GetProperty("items").GetInt32());
        using var listed = await supervisor.GetPathAsync("/api/duplicates");
        var suspicion = Assert.Single((await listed.JsonAsync()).EnumerateArray());
        Assert.Equal("IdNumberOneDigit", suspicion.GetProperty("rule").GetString());
        Assert.Equal(17, suspicion.GetProperty("position").GetInt32());
        Assert.Contains("TraditionalForm", suspicion.GetProperty("nameVariance").EnumerateArray().Select(v => v.GetString()));
        var id = suspicion.GetProperty("id").GetGuid();

        using var merged = await supervisor.PostJsonAsync($"/api/duplicates/{id}/merge", new { survivorId = pair.Real });
        using var again = await supervisor.PostJsonAsync($"/api/duplicates/{id}/merge", new { survivorId = pair.Real });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = await merged.JsonAsync();
        Assert.Equal(answer.GetProperty("rowsMoved").GetInt32(), (await again.JsonAsync()).GetProperty("rowsMoved").GetInt32());
        await using var check = desk.NewContext();
        Assert.False(await check.Residents.AnyAsync(r => r.Id == pair.Slip, Ct));
        Assert.Equal(2, await check.ResidenceRegistrations.CountAsync(g => g.ResidentId == pair.Real, Ct));
        Assert.Equal(pair.Real, (await check.PermitApplications.SingleAsync(a => a.Id == pair.Application, Ct)).ResidentId);
        Assert.Equal(pair.Real, (await check.Set<FamilyLink>().SingleAsync(l => l.Id == pair.FamilyLink, Ct)).ResidentId);
        // The audit chain cannot be rewritten: the merged id's lines stay, and the merge names both ids.
        Assert.True(await check.Set<AuditEntry>().AnyAsync(a => a.ResidentId == pair.Slip && a.Action == "resident.read", Ct));
        var line = await check.Set<AuditEntry>().SingleAsync(a => a.Action == "resident.merge", Ct);
        Assert.Equal(pair.Real, line.ResidentId);
        Assert.Contains(pair.Slip.ToString(), line.Purpose, StringComparison.Ordinal);
        var record = await check.Set<ResidentMerge>().SingleAsync(Ct);
        Assert.Equal(pair.Slip, record.MergedId);
        Assert.Equal("張偉", record.MergedName);
        Assert.Equal(1, await check.Set<AuditEntry>().CountAsync(a => a.Action == "resident.merge", Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Two_people_a_supervisor_calls_different_are_not_suggested_again(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        DuplicateArrange.Pair pair;
        await using (var db = desk.NewContext())
            pair = await DuplicateArrange.TwiceRegisteredAsync(db, DeskData.Today, Ct);
        var supervisor = desk.Officer(OfficerRole.Supervisor);
        using (await desk.Officer(OfficerRole.Admin).PostJsonAsync($"/api/admin/jobs/{DuplicateScanJob.JobName}/runs", new { })) { }
        var id = (await (await supervisor.GetPathAsync("/api/duplicates")).JsonAsync())[0].GetProperty("id").GetGuid();

        using var rejected = await supervisor.PostJsonAsync($"/api/duplicates/{id}/not-same-person", new { });
        desk.Time.Advance(TimeSpan.FromDays(1));
        using var nextDay = await desk.Officer(OfficerRole.Admin).PostJsonAsync($"/api/admin/jobs/{DuplicateScanJob.JobName}/runs", new { });
        using var listed = await supervisor.GetPathAsync("/api/duplicates");
        using var mergeAfterwards = await supervisor.PostJsonAsync($"/api/duplicates/{id}/merge", new { survivorId = pair.Real });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(0, (await nextDay.JsonAsync()).GetProperty("items").GetInt32());
        Assert.Empty((await listed.JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, mergeAfterwards.StatusCode);
        Assert.EndsWith("/duplicate-already-decided", (await mergeAfterwards.JsonAsync()).GetProperty("type").GetString(), StringComparison.Ordinal);
        await using var check = desk.NewContext();
        Assert.Equal(2, await check.Residents.CountAsync(r => r.Id == pair.Real || r.Id == pair.Slip, Ct));
    }

    [Fact]
    public async Task A_desk_officer_cannot_merge_or_dismiss_and_nothing_moves()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        DuplicateArrange.Pair pair;
        await using (var db = desk.NewContext())
            pair = await DuplicateArrange.TwiceRegisteredAsync(db, DeskData.Today, Ct);
        await DuplicateArrange.ScanAsync(desk.Services, desk.Time.GetUtcNow(), Ct);
        Guid id;
        await using (var db = desk.NewContext())
            id = (await db.Set<DuplicateSuspicion>().SingleAsync(Ct)).Id;

        using var merge = await desk.Officer().PostJsonAsync($"/api/duplicates/{id}/merge", new { survivorId = pair.Slip });
        using var dismiss = await desk.Officer().PostJsonAsync($"/api/duplicates/{id}/not-same-person", new { });
        using var list = await desk.Officer().GetPathAsync("/api/duplicates");

        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dismiss.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        await using var check = desk.NewContext();
        Assert.Equal(SuspicionStatus.Open, (await check.Set<DuplicateSuspicion>().SingleAsync(Ct)).Status);
        Assert.True(await check.Residents.AnyAsync(r => r.Id == pair.Real, Ct));
        Assert.Equal(pair.Slip, (await check.PermitApplications.SingleAsync(a => a.Id == pair.Application, Ct)).ResidentId);
    }

    [Fact]
    public async Task Merging_into_someone_not_of_the_pair_is_refused_and_writes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        DuplicateArrange.Pair pair;
        await using (var db = desk.NewContext())
            pair = await DuplicateArrange.TwiceRegisteredAsync(db, DeskData.Today, Ct);
        await DuplicateArrange.ScanAsync(desk.Services, desk.Time.GetUtcNow(), Ct);
        Guid id;
        await using (var db = desk.NewContext())
            id = (await db.Set<DuplicateSuspicion>().SingleAsync(Ct)).Id;

        using var intoChild = await desk.Officer(OfficerRole.Supervisor).PostJsonAsync($"/api/duplicates/{id}/merge", new { survivorId = pair.Child });
        using var noSurvivor = await desk.Officer(OfficerRole.Supervisor).PostJsonAsync($"/api/duplicates/{id}/merge", new { });

        Assert.Equal(HttpStatusCode.BadRequest, intoChild.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noSurvivor.StatusCode);
        Assert.True((await intoChild.JsonAsync()).GetProperty("errors").TryGetProperty("survivorId", out _));
        await using var check = desk.NewContext();
        Assert.Equal(3, await check.Residents.CountAsync(Ct));
        Assert.Equal(SuspicionStatus.Open, (await check.Set<DuplicateSuspicion>().SingleAsync(Ct)).Status);
    }

    [Fact]
    public async Task Every_table_that_names_a_resident_is_moved_by_a_merge_except_the_audit_chain()
    {
        await using var app = new PermitTestHost(new TestHostOptions { Clock = null });
        await using var db = app.NewContext();

        var moved = ResidentReference.In(db.Model).Select(r => $"{r.Table}.{r.Column}").ToHashSet();

        foreach (var expected in new[] { "ResidenceRegistrations.ResidentId", "PermitApplications.ResidentId", "ResidencePermits.ResidentId",
                     "ResidencePermits.LiveHolderId", "FamilyLinks.ResidentId", "FamilyLinks.MemberId", "PointsEntries.ResidentId", "MigrantAccounts.ResidentId" })
            Assert.Contains(expected, moved);
        Assert.DoesNotContain(moved, m => m.StartsWith("AuditEntries.", StringComparison.Ordinal));
    }
}

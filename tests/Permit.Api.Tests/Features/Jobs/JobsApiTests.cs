using Permit.Api.Features.Jobs;
using Permit.Api.Features.Notifications;
using Permit.Api.Tests.Features.Endorsements;

namespace Permit.Api.Tests.Features.Jobs;

/// <summary>The daily jobs run by hand through the admin endpoints: each period once, whatever is clicked.</summary>
public sealed class JobsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_suspension_job_run_twice_for_a_day_suspends_once_and_the_second_run_is_refused(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        var (number, _) = await EndorsementTests.ActivePermitAsync(host);
        host.Time.SetUtcNow(EndorsementTests.At(2027, 3, 20));
        using var admin = host.Officer(OfficerRole.Admin);

        using var first = await admin.PostAsJsonAsync("/api/admin/jobs/suspend-overdue-permits/runs", new { }, Ct);
        using var second = await admin.PostAsJsonAsync("/api/admin/jobs/suspend-overdue-permits/runs", new { period = "2027-03-20" }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var run = await first.Content.ReadFromJsonAsync<JobRunResponse>(Ct);
        Assert.Equal(("suspend-overdue-permits", "2027-03-20", 1), (run!.Job, run.Period, run.Items));
        Assert.StartsWith("admin:", run.Trigger, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.EndsWith("/job-period-already-run", await PermitIssuanceTests.ProblemTypeAsync(second), StringComparison.Ordinal);
        var permit = await admin.GetFromJsonAsync<PermitView>($"/api/permits/{number}", Ct);
        Assert.Equal("Suspended", permit!.Status);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.Action == "permit.suspend", Ct));
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.Action == "job.run", Ct));
        var runs = await admin.GetFromJsonAsync<List<JobRunResponse>>("/api/admin/jobs/runs?job=suspend-overdue-permits", Ct);
        Assert.Equal("2027-03-20", Assert.Single(runs!).Period);
    }

    [Fact]
    public async Task Reminders_are_queued_30_and_7_days_before_the_window_closes_each_once()
    {
        await using var host = new PermitTestHost();
        var (_, arranged) = await EndorsementTests.ActivePermitAsync(host); // valid until 2027-03-09
        using var admin = host.Officer(OfficerRole.Admin);
        var queuedPerDay = new Dictionary<string, int>();

        foreach (var day in new[] { "2027-02-06", "2027-02-07", "2027-02-08", "2027-03-01", "2027-03-02", "2027-03-03", "2027-03-09" })
        {
            using var response = await admin.PostAsJsonAsync("/api/admin/jobs/endorsement-reminders/runs", new { period = day }, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            queuedPerDay[day] = (await response.Content.ReadFromJsonAsync<JobRunResponse>(Ct))!.Items;
        }

        Assert.Equal([0, 1, 0, 0, 1, 0, 0], queuedPerDay.Values);
        await using var db = host.NewContext();
        var reminders = await db.Set<Notification>().AsNoTracking().OrderBy(n => n.CreatedAt).ThenBy(n => n.Kind).ToListAsync(Ct);
        Assert.Equal(["endorsement-reminder-30", "endorsement-reminder-7"], reminders.Select(n => n.Kind).Order(StringComparer.Ordinal));
        Assert.All(reminders, n => Assert.Equal(arranged.ResidentId, n.ResidentId));
        Assert.All(reminders, n => Assert.Contains("2027-03-09", n.Subject, StringComparison.Ordinal));
        Assert.All(reminders, n => Assert.DoesNotContain(PermitArrange.IdNumber(0), n.Body, StringComparison.Ordinal));
        Assert.Equal(2, await db.Set<AuditEntry>().CountAsync(e => e.Action == "notification.queue" && e.ResidentId == arranged.ResidentId, Ct));
    }

    [Fact]
    public async Task A_permit_endorsed_in_time_gets_no_reminder_for_its_old_window()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await EndorsementTests.ActivePermitAsync(host);
        host.Time.SetUtcNow(EndorsementTests.At(2027, 2, 20));
        using var officer = host.Officer();
        using var endorsed = await officer.PostAsync(new Uri($"/api/permits/{number}/endorsements", UriKind.Relative), null, Ct);
        endorsed.EnsureSuccessStatusCode();
        using var admin = host.Officer(OfficerRole.Admin);

        using var response = await admin.PostAsJsonAsync("/api/admin/jobs/endorsement-reminders/runs", new { period = "2027-03-02" }, Ct);

        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JobRunResponse>(Ct))!.Items);
    }

    [Fact]
    public async Task The_overdue_applications_list_is_stored_once_a_day_for_the_supervisors()
    {
        await using var host = new PermitTestHost();
        var accepted = await JobsArrange.AcceptedApplicationAsync(host, acceptedOn: new DateOnly(2026, 3, 1)); // due 2026-03-16
        using var admin = host.Officer(OfficerRole.Admin);

        using var before = await admin.PostAsJsonAsync("/api/admin/jobs/overdue-applications/runs", new { period = "2026-03-16" }, Ct);
        using var after = await admin.PostAsJsonAsync("/api/admin/jobs/overdue-applications/runs", new { period = "2026-03-18" }, Ct);
        using var again = await admin.PostAsJsonAsync("/api/admin/jobs/overdue-applications/runs", new { period = "2026-03-18" }, Ct);

        Assert.Equal(0, (await before.Content.ReadFromJsonAsync<JobRunResponse>(Ct))!.Items);
        Assert.Equal(1, (await after.Content.ReadFromJsonAsync<JobRunResponse>(Ct))!.Items);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = host.NewContext();
        var report = await db.Set<Notification>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((NotificationAudience.Supervisors, "overdue-applications"), (report.Audience, report.Kind));
        Assert.Contains($"application {accepted} ", report.Body, StringComparison.Ordinal);
        Assert.Contains("2 day(s) overdue", report.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_monthly_accrual_job_accrues_a_month_once_and_a_second_run_of_it_is_refused(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        await EndorsementTests.ActivePermitAsync(host); // registered since 2025-08-01
        using var admin = host.Officer(OfficerRole.Admin);

        using var first = await admin.PostAsJsonAsync("/api/admin/jobs/monthly-accrual/runs", new { }, Ct);
        using var second = await admin.PostAsJsonAsync("/api/admin/jobs/monthly-accrual/runs", new { period = "2026-02" }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var run = await first.Content.ReadFromJsonAsync<JobRunResponse>(Ct);
        Assert.Equal(("2026-02", 1), (run!.Period, run.Items)); // one residence month for the one registered resident
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.PointsEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task The_revocation_list_is_published_once_a_day_with_the_suspended_card_on_it()
    {
        await using var host = new PermitTestHost();
        await EndorsementTests.ActivePermitAsync(host);
        host.Time.SetUtcNow(EndorsementTests.At(2027, 3, 20));
        using var admin = host.Officer(OfficerRole.Admin);
        using var suspend = await admin.PostAsJsonAsync("/api/admin/jobs/suspend-overdue-permits/runs", new { }, Ct);

        using var first = await admin.PostAsJsonAsync("/api/admin/jobs/revocation-list/runs", new { }, Ct);
        using var second = await admin.PostAsJsonAsync("/api/admin/jobs/revocation-list/runs", new { }, Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var run = await first.Content.ReadFromJsonAsync<JobRunResponse>(Ct);
        Assert.Contains("1 suspended", run!.Summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Unknown_jobs_and_malformed_periods_are_refused_with_their_problem_types()
    {
        await using var host = new PermitTestHost();
        using var admin = host.Officer(OfficerRole.Admin);

        using var unknown = await admin.PostAsJsonAsync("/api/admin/jobs/no-such-job/runs", new { }, Ct);
        using var monthly = await admin.PostAsJsonAsync("/api/admin/jobs/suspend-overdue-permits/runs", new { period = "2027-03" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.EndsWith("/job-not-found", await PermitIssuanceTests.ProblemTypeAsync(unknown), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, monthly.StatusCode);
        using var problem = JsonDocument.Parse(await monthly.Content.ReadAsStringAsync(Ct));
        Assert.EndsWith("/job-period-invalid", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("period", out _));
        await using var db = host.NewContext();
        Assert.Equal(0, await db.Set<JobRun>().CountAsync(Ct));
    }

    [Fact]
    public async Task The_job_list_names_each_job_with_its_schedule_and_the_period_due()
    {
        await using var host = new PermitTestHost();
        using var admin = host.Officer(OfficerRole.Admin);

        var jobs = await admin.GetFromJsonAsync<List<JobResponse>>("/api/admin/jobs", Ct);

        var suspension = Assert.Single(jobs!, j => j.Name == "suspend-overdue-permits");
        Assert.Equal(("Daily", "2026-03-10"), (suspension.Cadence, suspension.DuePeriod));
        Assert.False(string.IsNullOrEmpty(suspension.Schedule));
    }
}

using Permit.Api.Tests.Features.Personalization;

namespace Permit.Api.Tests.Features.Endorsements;

public sealed class EndorsementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>10:00 in Ningbo on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_endorsement_inside_the_window_extends_validity_by_a_year()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await ActivePermitAsync(host);
        host.Time.SetUtcNow(At(2027, 2, 20));
        using var officer = host.Officer();

        using var response = await officer.PostAsync(new Uri($"/api/permits/{number}/endorsements", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var endorsement = await response.Content.ReadFromJsonAsync<EndorsementView>(Ct);
        Assert.Equal((new DateOnly(2027, 3, 9), new DateOnly(2028, 3, 9), false), (endorsement!.PreviousValidUntil, endorsement.ValidUntil, endorsement.IsLate));
        Assert.Equal(new WindowView(new DateOnly(2028, 2, 10), new DateOnly(2028, 3, 9)), endorsement.NextEndorsementWindow);
    }

    [Fact]
    public async Task An_endorsement_outside_the_window_is_refused_with_the_window_dates_and_nothing_is_written()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await ActivePermitAsync(host);
        host.Time.SetUtcNow(At(2026, 6, 1));
        using var officer = host.Officer();
        var auditBefore = await AuditCountAsync(host);

        using var response = await officer.PostAsync(new Uri($"/api/permits/{number}/endorsements", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.EndsWith("/endorsement-outside-window", problem.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-02-10", problem.RootElement.GetProperty("windowOpens").GetString());
        Assert.Equal("2027-03-09", problem.RootElement.GetProperty("windowCloses").GetString());
        await using var db = host.NewContext();
        Assert.Empty((await db.ResidencePermits.AsNoTracking().SingleAsync(Ct)).Endorsements);
        Assert.Equal(auditBefore, await AuditCountAsync(host));
    }

    [Fact]
    public async Task A_late_endorsement_restores_a_suspended_permit_and_restarts_continuous_residence()
    {
        await using var host = new PermitTestHost();
        var (number, _) = await ActivePermitAsync(host);
        host.Time.SetUtcNow(At(2027, 4, 1));
        using var admin = host.Officer(OfficerRole.Admin);

        using var job = await admin.PostAsJsonAsync("/api/admin/permits/suspend-overdue", new { date = "2027-03-20" }, Ct);
        var suspended = await admin.GetFromJsonAsync<PermitView>($"/api/permits/{number}", Ct);
        using var late = await admin.PostAsync(new Uri($"/api/permits/{number}/endorsements", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.OK, job.StatusCode);
        Assert.Contains("\"suspended\":1", await job.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("Suspended", suspended!.Status);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var endorsement = await late.Content.ReadFromJsonAsync<EndorsementView>(Ct);
        Assert.True(endorsement!.IsLate);
        Assert.Equal("Active", endorsement.PermitStatus);
        Assert.Equal(new DateOnly(2027, 4, 1), endorsement.ContinuousResidenceSince);
        Assert.Equal(new DateOnly(2028, 3, 31), endorsement.ValidUntil);
    }

    [Fact]
    public async Task An_endorsement_is_refused_once_the_holder_has_moved_out()
    {
        await using var host = new PermitTestHost();
        var (number, arranged) = await ActivePermitAsync(host);
        await using (var db = host.NewContext())
        {
            var registration = await db.ResidenceRegistrations.SingleAsync(r => r.Id == arranged.RegistrationId, Ct);
            registration.MoveOut(new DateOnly(2027, 1, 5));
            await db.SaveChangesAsync(Ct);
        }

        host.Time.SetUtcNow(At(2027, 2, 20));
        using var officer = host.Officer();

        using var response = await officer.PostAsync(new Uri($"/api/permits/{number}/endorsements", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith("/endorsement-conditions-not-met", await PermitIssuanceTests.ProblemTypeAsync(response));
    }

    /// <summary>An issued permit whose first card was personalized and confirmed on 10 March 2026.</summary>
    public static async Task<(string Number, PermitArrange.Arranged Arranged)> ActivePermitAsync(PermitTestHost host)
    {
        var arranged = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        using var officer = host.Officer();
        var number = await PermitArrange.IssueAsync(officer, arranged.ApplicationId);
        using var chip = new CardHandshake("A1B2C3D4E5F60718");
        var files = await chip.RequestFilesAsync(officer, number, 1);
        using var confirmed = await officer.PostAsJsonAsync(CardHandshake.Route(number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), Ct);
        confirmed.EnsureSuccessStatusCode();
        return (number, arranged);
    }

    private static async Task<int> AuditCountAsync(PermitTestHost host)
    {
        await using var db = host.NewContext();
        return await db.Set<Api.Audit.AuditEntry>().CountAsync(Ct);
    }
}

public sealed record EndorsementView(
    string PermitNumber, int Sequence, DateOnly EndorsedOn, DateOnly PreviousValidUntil, DateOnly ValidUntil, bool IsLate,
    string PermitStatus, DateOnly ContinuousResidenceSince, WindowView NextEndorsementWindow);

using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.Applications;

/// <summary>
/// Extending an application's due date postpones someone's permit: a supervisor does it once, with a reason the audit
/// trail keeps; a desk officer who tries is refused and nothing changes.
/// </summary>
public sealed class DueDateExtensionTests
{
    private const string Problem = "https://permit.example/problems/";

    [Fact]
    public async Task A_supervisor_extends_the_due_date_once_to_30_days_after_acceptance_and_the_reason_is_audited()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        using var supervisor = desk.Officer(OfficerRole.Supervisor);
        var applicationId = await AcceptedApplication.ArrangeAsync(registrar);

        using var extended = await supervisor.PostJsonAsync($"/api/applications/{applicationId}/due-date-extension", new { reason = "用人单位证明需向外地核实" });

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var application = await extended.JsonAsync();
        Assert.Equal("2026-04-01", application.GetProperty("dueDate").GetString());
        Assert.True(application.GetProperty("dueDateExtended").GetBoolean());
        await using (var db = desk.NewContext())
        {
            var audit = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(e => e.Action == "application.extend-due-date", TestContext.Current.CancellationToken);
            Assert.Contains("用人单位证明需向外地核实", audit.Purpose, StringComparison.Ordinal);
            Assert.Contains("2026-04-01", audit.Purpose, StringComparison.Ordinal);
        }

        using var again = await supervisor.PostJsonAsync($"/api/applications/{applicationId}/due-date-extension", new { reason = "再延一次" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(Problem + "application-due-date-already-extended", (await again.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_desk_officer_who_tries_to_extend_a_due_date_is_refused_and_the_due_date_and_audit_trail_stay_as_they_were()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        var applicationId = await AcceptedApplication.ArrangeAsync(registrar);

        using var refused = await registrar.PostJsonAsync($"/api/applications/{applicationId}/due-date-extension", new { reason = "自己给自己延期" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var read = await registrar.GetPathAsync($"/api/applications/{applicationId}");
        var application = await read.JsonAsync();
        Assert.Equal("2026-03-17", application.GetProperty("dueDate").GetString());
        Assert.False(application.GetProperty("dueDateExtended").GetBoolean());
        await using var db = desk.NewContext();
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "application.extend-due-date", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_extension_without_a_reason_is_refused_with_a_field_error_and_changes_nothing()
    {
        await using var desk = new PermitTestHost(DatabaseProvider.Sqlite, DeskData.Morning);
        using var registrar = desk.Officer();
        using var supervisor = desk.Officer(OfficerRole.Supervisor);
        var applicationId = await AcceptedApplication.ArrangeAsync(registrar);

        using var refused = await supervisor.PostJsonAsync($"/api/applications/{applicationId}/due-date-extension", new { reason = "   " });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Problem + "application-extension-reason-required", (await refused.JsonAsync()).GetProperty("type").GetString());
        using var read = await supervisor.GetPathAsync($"/api/applications/{applicationId}");
        Assert.Equal("2026-03-17", (await read.JsonAsync()).GetProperty("dueDate").GetString());
    }
}

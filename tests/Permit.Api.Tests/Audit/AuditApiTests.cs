using Permit.Api.Infrastructure.Tasks;
using Permit.Api.Security;

namespace Permit.Api.Tests.Audit;

public sealed class AuditApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admin_actions_are_audited_to_the_officer_and_the_chain_verifies_over_http_and_cli()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        using var created = await admin.PostAsJsonAsync("/api/admin/officers",
            new { userName = "li.na", displayName = "Li Na", role = "Registrar", password = PermitTestHost.Password }, Ct);
        created.EnsureSuccessStatusCode();

        var verification = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify", Ct);

        Assert.True(verification!.IsIntact);
        Assert.Equal(1, verification.VerifiedEntries);
        await using var db = api.NewContext();
        var entry = await db.Set<AuditEntry>().SingleAsync(Ct);
        Assert.Equal("officer.create", entry.Action);
        Assert.Equal("admin", entry.ActorRole);
        Assert.Equal("Officer root", entry.ActorName);
        Assert.Equal(0, await ApiCommandLine.RunAsync(api.Services, ["audit", "verify"], TextReader.Null, TextWriter.Null, Ct));
    }

    [Fact]
    public async Task A_row_altered_in_the_database_is_named_by_the_endpoint_and_fails_the_cli()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        using var admin = await api.SignedInClientAsync("root", OfficerRole.Admin);
        foreach (var name in new[] { "a.one", "b.two", "c.three" })
        {
            using var created = await admin.PostAsJsonAsync("/api/admin/officers",
                new { userName = name, displayName = name, role = "Registrar", password = PermitTestHost.Password }, Ct);
            created.EnsureSuccessStatusCode();
        }

        Guid secondId;
        await using (var db = api.NewContext())
        {
            secondId = await db.Set<AuditEntry>().Where(e => e.Sequence == 2).Select(e => e.Id).SingleAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET ActorName = 'someone else' WHERE Sequence = 2", Ct);
        }

        var verification = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify", Ct);

        Assert.Equal(2, verification!.FirstBroken!.Sequence);
        Assert.Equal(secondId, verification.FirstBroken.EntryId);
        Assert.Equal(1, await ApiCommandLine.RunAsync(api.Services, ["audit", "verify"], TextReader.Null, TextWriter.Null, Ct));
    }
}

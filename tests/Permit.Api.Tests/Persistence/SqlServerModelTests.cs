using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Permit.Api.Features.Jobs;
using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// No SQL Server runs here, so its DDL is checked as text: the schema EF creates and the script of its migrations carry
/// the same unique rules and concurrency tokens the other providers are tested against.
/// </summary>
public sealed class SqlServerModelTests
{
    // Never opened: generating DDL needs no server.
    private const string Unused = "Server=unused;Database=Permit;Integrated Security=true;TrustServerCertificate=true";

    public static TheoryData<string> Scripts => ["create-script", "migrations-script"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_SQL_Server_schema_has_every_unique_rule(string source)
    {
        var ddl = Generate(source);

        Assert.Contains("CREATE UNIQUE INDEX [UX_Residents_CitizenId] ON [Residents] ([CitizenIdIndex])", ddl, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UX_ResidencePermits_Number] ON [ResidencePermits] ([Number])", ddl, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UX_PermitCards_PermitId_Sequence] ON [PermitCards] ([PermitId], [Sequence])", ddl, StringComparison.Ordinal);
        Assert.Contains(
            "CREATE UNIQUE INDEX [UX_ResidencePermits_LiveHolderId] ON [ResidencePermits] ([LiveHolderId]) WHERE [LiveHolderId] IS NOT NULL",
            ddl,
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_SQL_Server_aggregate_table_has_a_version_column(string source)
    {
        var ddl = Generate(source);

        foreach (var table in new[] { "Residents", "ResidenceRegistrations", "PermitApplications", "ResidencePermits" })
        {
            var create = ddl[ddl.IndexOf($"CREATE TABLE [{table}]", StringComparison.Ordinal)..];
            create = create[..create.IndexOf(");", StringComparison.Ordinal)];
            Assert.Contains("[Version] uniqueidentifier NOT NULL", create, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_SQL_Server_migrations_create_the_Quartz_store_and_the_school_admission_tables()
    {
        var ddl = Generate("migrations-script");

        // Quartz's tables come from its own script through a hand-written migration: an empty statement list (a renamed
        // resource, a changed separator) would leave the clustered scheduler without a store.
        foreach (var table in QuartzSchema.Tables)
            Assert.Contains($"CREATE TABLE {QuartzSchema.TablePrefix}{table} (", ddl, StringComparison.Ordinal);
        foreach (var table in new[] { "AdmissionRounds", "AdmissionApplicants", "AllocationRuns", "AllocationLines" })
            Assert.Contains($"CREATE TABLE [{table}]", ddl, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UX_AdmissionRounds_Zone_SchoolYear] ON [AdmissionRounds] ([Zone], [SchoolYear])", ddl, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UX_AllocationRuns_RoundId_Sequence] ON [AllocationRuns] ([RoundId], [Sequence])", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_is_a_concurrency_token_on_every_aggregate_root()
    {
        using var db = PermitDatabase.CreateContext(DatabaseProvider.SqlServer, Unused, TestCitizenIdKeys.Protector);

        // The domain's aggregates (residents, registrations, applications, permits; family links; settlement applications,
        // rounds and their applicants; the community directory); accounts and the append-only audit trail (Security/, Audit/) are not aggregates.
        var roots = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType.Assembly == typeof(Permit.Domain.Residents.Resident).Assembly).ToList();

        Assert.Equal(9, roots.Count);
        Assert.All(roots, t => Assert.True(t.FindProperty(AggregateVersions.PropertyName)?.IsConcurrencyToken, t.DisplayName()));
    }

    private static string Generate(string source)
    {
        using var db = PermitDatabase.CreateContext(DatabaseProvider.SqlServer, Unused, TestCitizenIdKeys.Protector);
        return source == "create-script"
            ? db.Database.GenerateCreateScript()
            : db.GetService<IMigrator>().GenerateScript();
    }
}

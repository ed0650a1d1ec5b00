using Permit.Api.Features.Points;
using Permit.Api.Tests.Persistence;
using Permit.Domain.Points;

namespace Permit.Api.Tests.Features.Points;

/// <summary>
/// No SQL Server runs here, so the accrual's T-SQL is checked as text: bracketed names, bit and date literals SQL Server
/// accepts, no alias on the UPDATE target, no LEAST/GREATEST (SQL Server 2022 only) and no other dialect's syntax.
/// </summary>
public sealed class AccrualSqlDialectTests
{
    // Never opened: generating SQL needs no server.
    private const string Unused = "Server=unused;Database=Permit;Integrated Security=true;TrustServerCertificate=true";
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_SQL_Server_accrual_is_T_SQL()
    {
        using var db = PermitDatabase.CreateContext(DatabaseProvider.SqlServer, Unused, TestCitizenIdKeys.Protector);

        var statements = MonthlyAccrual.Statements(db, PointsRuleSets.NingboZhenhai2026, 2026, 2, Now);

        var all = string.Join("\n", statements);
        Assert.DoesNotContain("\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain("LEAST", all, StringComparison.Ordinal);
        Assert.DoesNotContain("TRUE", all, StringComparison.Ordinal);
        Assert.DoesNotContain("::", all, StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO [PointsBalances] ([ResidentId], [Total],", statements[0], StringComparison.Ordinal);
        Assert.Contains("[PointsBalances].[Frozen] = CAST(1 AS bit)", statements[1], StringComparison.Ordinal);
        Assert.Contains("c.[CoveredFrom] <= '2026-02-01'", statements[1], StringComparison.Ordinal);
        // The idempotency key is the resident, the indicator (2: residence) and the month as integers, not a text key.
        Assert.DoesNotContain("[Key]", statements[2], StringComparison.Ordinal);
        Assert.Contains("AND NOT EXISTS (SELECT 1 FROM [PointsEntries] e WHERE e.[ResidentId] = [PointsBalances].[ResidentId] AND e.[AccrualIndicator] = CAST(2 AS smallint) AND e.[AccrualMonth] = 202602) ORDER BY [PointsBalances].[ResidentId]", statements[2], StringComparison.Ordinal);
        // The new months are counted in the rescoring pass, joined from the run's entries, with no alias on the target.
        Assert.StartsWith("UPDATE [PointsBalances] SET [SocialInsuranceMonths] = [PointsBalances].[SocialInsuranceMonths] + n.si,", statements[3], StringComparison.Ordinal);
        Assert.Contains("FROM [PointsEntries] e WHERE e.[Id] > 0 AND e.[AccrualRunId] = ", statements[3], StringComparison.Ordinal);
        Assert.EndsWith(") n WHERE [PointsBalances].[ResidentId] = n.resident", statements[3], StringComparison.Ordinal);
        // Age 40 or under scores 20: born after 10 March 1985 on 10 March 2026.
        Assert.Contains("WHEN [PointsBalances].[BirthDate] > '1985-03-10' THEN 2000", statements[3], StringComparison.Ordinal);
        Assert.Contains("(SELECT MIN(m.v) FROM (VALUES (", statements[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_PostgreSQL_and_SQLite_accruals_use_their_own_literals()
    {
        using var postgres = PermitDatabase.CreateContext(DatabaseProvider.Postgres, "Host=unused;Database=permit", TestCitizenIdKeys.Protector);
        using var sqlite = PermitDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:", TestCitizenIdKeys.Protector);

        var pg = MonthlyAccrual.Statements(postgres, PointsRuleSets.NingboZhenhai2026, 2026, 2, Now)[1];
        var lite = MonthlyAccrual.Statements(sqlite, PointsRuleSets.NingboZhenhai2026, 2026, 2, Now)[1];

        Assert.Contains("\"PointsBalances\".\"Frozen\" = TRUE", pg, StringComparison.Ordinal);
        Assert.Contains("DATE '2026-02-01'", pg, StringComparison.Ordinal);
        Assert.Contains("\"PointsBalances\".\"Frozen\" = 1", lite, StringComparison.Ordinal);
        Assert.Contains("'2026-02-01'", lite, StringComparison.Ordinal);
        Assert.Contains("LEAST(", pg, StringComparison.Ordinal);
        Assert.Contains("MIN(", lite, StringComparison.Ordinal);
    }
}

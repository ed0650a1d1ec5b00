using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Permit.Api.Tests.Features.LegacyImport;

/// <summary>
/// The import command run as an operator runs it, in its own process: killed half-way through, then run again, it
/// leaves the same database as one clean run, on SQLite and on PostgreSQL.
/// </summary>
public sealed partial class LegacyImportCrashTests : IAsyncDisposable
{
    private const int People = 1500;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-legacy-crash-");
    private readonly List<string> _postgresDatabases = [];
    private DatabaseProvider _provider = DatabaseProvider.Sqlite;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task An_import_killed_half_way_and_run_again_leaves_the_database_one_clean_run_leaves(DatabaseProvider provider)
    {
        _provider = provider;
        if (provider == DatabaseProvider.Postgres)
            TestProviders.PostgresServer();
        foreach (var (name, text) in LegacyHistoryImportTests.Files(People))
            await File.WriteAllTextAsync(Path.Combine(_directory.FullName, name), text, TestContext.Current.CancellationToken);

        // Killed once the registrations are half in (some batches landed, the rest not), then killed again inside the
        // points backfill (some months committed, the next one under way), then run to the end.
        var killed = await RunAsync("crashed.db", killWhen: line => line.Contains("(Registrations): 3", StringComparison.Ordinal));
        var killedInBackfill = await RunAsync("crashed.db", killWhen: line => line.StartsWith("points backfill: 2023", StringComparison.Ordinal));
        var resumed = await RunAsync("crashed.db");
        var clean = await RunAsync("clean.db");

        Assert.True(killed.Killed, "the import finished before it could be killed:\n" + killed.Output);
        Assert.True(killedInBackfill.Killed, "the backfill finished before it could be killed:\n" + killedInBackfill.Output);
        Assert.Contains("resumed after row", killedInBackfill.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("already done", resumed.Output, StringComparison.Ordinal);
        Assert.Contains(", resumed at 2023-", resumed.Output, StringComparison.Ordinal);
        Assert.Equal((0, 0), (resumed.ExitCode, clean.ExitCode));
        var expected = Dump("clean.db");
        Assert.Equal(People + People * 5, expected.Count(l => l[0] is 'R' or 'G'));
        Assert.Contains(expected, l => l.StartsWith("L ", StringComparison.Ordinal) && l.Contains("monthly-accrual", StringComparison.Ordinal));
        Assert.Equal(expected, Dump("crashed.db"));
    }

    private async Task<(bool Killed, int ExitCode, string Output)> RunAsync(string database, Func<string, bool>? killWhen = null)
    {
        var api = Path.Combine(AppContext.BaseDirectory, "Permit.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { api, "import", "legacy", "--batch", "250" })
            start.ArgumentList.Add(arg);
        // Named in another order than they are imported in: residents first whatever the command line says.
        foreach (var (name, _) in LegacyHistoryImportTests.Files(People).Reverse())
            start.ArgumentList.Add(Path.Combine(_directory.FullName, name));
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = _provider.ToString();
        start.Environment["ConnectionStrings__Permit"] = ConnectionString(database);
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Jobs__SchedulerEnabled"] = "false";
        start.Environment["Logging__File__Directory"] = "";
        // TEST KEYS ONLY: one key directory for both databases, so their blind indexes and plaintexts compare.
        start.Environment["Keys__Directory"] = Path.Combine(_directory.FullName, "keys");
        start.Environment["Audit__CheckpointLog"] = Path.Combine(_directory.FullName, database + ".checkpoints.log");
        start.WorkingDirectory = _directory.FullName;

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var killed = false;
        while (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            output.AppendLine(line);
            if (killWhen?.Invoke(line) == true)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        output.Append(await errors);
        // Rejects files are appended by each run; they are not what this test compares.
        return (killed, killed ? -1 : process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Every table the import writes, canonically: natural keys and facts in sorted lines, the ids and ciphertexts that
    /// differ between runs left out (a resident is named by the blind index of the ID number); the checkpoints' counts
    /// and the audit lines included.
    /// </summary>
    private List<string> Dump(string database)
    {
        using DbConnection connection = _provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(ConnectionString(database))
            : new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, database)};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        void Read(string sql, string tag)
        {
            using var command = connection.CreateCommand();
            // PostgreSQL folds unquoted names to lower case: every table and column name is quoted (SQLite takes it too).
            command.CommandText = Identifier().Replace(sql, "\"$1\"");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                lines.Add(tag + " " + string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        }
        Read("SELECT CitizenIdIndex, Name, Sex, BirthDate, EthnicGroup, Contact FROM Residents", "R");
        Read("""
            SELECT r.CitizenIdIndex, g.ArrivalDate, g.RegistrationDate, g.MovedOutOn, g.Status, g.CommunityCode, g.Basis, g.Evidence, g.EmployerOrLandlord
            FROM ResidenceRegistrations g JOIN Residents r ON r.Id = g.ResidentId
            """, "G");
        Read("SELECT FileSha256, Kind, LastRow, Written, Unchanged, Rejected, Finished FROM LegacyImportCheckpoints", "C");
        Read("""
            SELECT p.Number, r.CitizenIdIndex, p.Status, p.IssueDate, p.Anchor, p.EndorsementsSinceAnchor, p.ValidUntil, p.ContinuousResidenceSince, p.SuspendedOn, p.EndedOn
            FROM ResidencePermits p JOIN Residents r ON r.Id = p.ResidentId
            """, "P");
        Read("SELECT p.Number, c.Sequence, c.Reason, c.Status, c.OrderedOn, c.IssuedOn, c.RevokedOn, c.RevocationReason FROM PermitCards c JOIN ResidencePermits p ON p.Id = c.PermitId", "K");
        Read("SELECT p.Number, e.Sequence, e.EndorsedOn, e.PreviousValidUntil, e.NewValidUntil, e.IsLate FROM Endorsements e JOIN ResidencePermits p ON p.Id = e.PermitId", "E");
        Read("SELECT r.CitizenIdIndex, a.Status, a.RegistrationDate, a.DecidedOn, a.DecidedBy FROM PermitApplications a JOIN Residents r ON r.Id = a.ResidentId", "A");
        Read("SELECT r.CitizenIdIndex, c.CoveredFrom, c.CoveredUntil, c.EvidenceReference FROM SocialInsuranceCovers c JOIN Residents r ON r.Id = c.ResidentId", "S");
        Read("""
            SELECT r.CitizenIdIndex, e.Kind, e.Indicator, e.Quantity, e.Level, e.PointsHundredths, e.Period, e.Source, e.RuleSetVersion, e.EvidenceReference, e.CreatedAt, e.Key
            FROM PointsEntries e JOIN Residents r ON r.Id = e.ResidentId
            """, "L");
        Read("""
            SELECT r.CitizenIdIndex, b.TotalHundredths, b.Total, b.Frozen, b.RuleSetVersion, b.ComputedAt, b.SocialInsuranceMonths, b.ResidenceMonths, b.ProvinceFixedHundredths, b.OtherTiersHundredths
            FROM PointsBalances b JOIN Residents r ON r.Id = b.ResidentId
            """, "B");
        Read("SELECT Region, Year, LastSerial FROM PermitNumberCounters", "N");
        // Every audit line of the import, once: who it was about and what it says (times and hashes differ between runs).
        Read("SELECT a.Action, r.CitizenIdIndex, a.Purpose FROM AuditEntries a LEFT JOIN Residents r ON r.Id = a.ResidentId WHERE a.Action LIKE 'legacy-import.%'", "U");
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    // The tables' and columns' PascalCase names (SQL keywords are upper case, literals lower case).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b([A-Z][a-z][A-Za-z0-9]*)\b")]
    private static partial System.Text.RegularExpressions.Regex Identifier();

    /// <summary>The database file on SQLite; on PostgreSQL a database of its own per file name, dropped afterwards.</summary>
    private string ConnectionString(string database)
    {
        if (_provider != DatabaseProvider.Postgres)
            return $"Data Source={Path.Combine(_directory.FullName, database)}";
        var name = $"permit_test_crash_{Path.GetFileNameWithoutExtension(database)}_{_directory.Name.Replace('-', '_')}".ToLowerInvariant();
        if (!_postgresDatabases.Contains(name))
            _postgresDatabases.Add(name);
        return new NpgsqlConnectionStringBuilder(TestProviders.PostgresServer()) { Database = name, Pooling = false }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var name in _postgresDatabases)
            await TestProviders.DropPostgresDatabaseAsync(TestProviders.PostgresServer(), name);
        _directory.Delete(recursive: true);
    }
}

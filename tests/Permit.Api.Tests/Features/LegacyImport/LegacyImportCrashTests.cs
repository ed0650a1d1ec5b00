using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Permit.Api.Tests.Features.LegacyImport;

/// <summary>
/// The import command run as an operator runs it, in its own process: killed half-way through, then run again, it
/// leaves the same database as one clean run.
/// </summary>
public sealed class LegacyImportCrashTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-legacy-crash-");

    [Fact]
    public async Task An_import_killed_half_way_and_run_again_leaves_the_database_one_clean_run_leaves()
    {
        var residents = Path.Combine(_directory.FullName, "residents.csv");
        var registrations = Path.Combine(_directory.FullName, "registrations.csv");
        await File.WriteAllTextAsync(residents, LegacyFiles.Residents(1500), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(registrations, LegacyFiles.Registrations(1500), TestContext.Current.CancellationToken);

        // Killed once the registrations are half in (some batches landed, the rest not).
        var killed = await RunAsync("crashed.db", killWhen: line => line.Contains("(Registrations): 3", StringComparison.Ordinal));
        var resumed = await RunAsync("crashed.db");
        var clean = await RunAsync("clean.db");

        Assert.True(killed.Killed, "the import finished before it could be killed:\n" + killed.Output);
        Assert.Contains("resumed after row", resumed.Output, StringComparison.Ordinal);
        Assert.Equal((0, 0), (resumed.ExitCode, clean.ExitCode));
        var expected = Dump("clean.db");
        Assert.Equal(1500 + 7500, expected.Count(l => !l.StartsWith('C')));
        Assert.Equal(expected, Dump("crashed.db"));
    }

    private async Task<(bool Killed, int ExitCode, string Output)> RunAsync(string database, Func<string, bool>? killWhen = null)
    {
        var api = Path.Combine(AppContext.BaseDirectory, "Permit.Api.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { api, "import", "legacy", "--batch", "250", Path.Combine(_directory.FullName, "registrations.csv"), Path.Combine(_directory.FullName, "residents.csv") })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Permit"] = $"Data Source={Path.Combine(_directory.FullName, database)}";
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

    /// <summary>The imported facts, ids and ciphertexts left out; the checkpoint's counts included.</summary>
    private List<string> Dump(string database)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, database)};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        void Read(string sql, string tag)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
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
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }
}

using System.Net;
using System.Net.Sockets;
using Npgsql;
using Permit.Api.Features.Points;
using Permit.Api.Keys;
using Permit.CommandLine;

namespace Permit.Bench.Points;

/// <summary>
/// Seeds N residents once (kept in <c>--data</c> and reused with <c>--reuse</c>), copies the seed for the run, times the
/// monthly accrual on the copy, starts the API as its own process on a loopback port with that copy (or targets
/// <c>--api</c>) and drives many concurrent clients for a fixed time against the entitlement lookup by permit number
/// and against the bare baseline doing only its database read. Every figure is printed with the machine's load
/// average: the cores are shared, and the load generator runs on them too.
/// </summary>
public static class PointsBench
{
    public static async Task<int> Main(string[] args)
    {
        var parsed = ProgramCommandLine.Parse(BenchOptions.Command(RunAsync), args);
        if (ProgramCommandLine.IsUsageError(parsed))
        {
            foreach (var problem in ProgramCommandLine.Errors(parsed))
                await Console.Error.WriteLineAsync(problem);
            return 2;
        }

        return await ProgramCommandLine.InvokeAsync(parsed, Console.Out, Console.Error, CancellationToken.None);
    }

    private static async Task<int> RunAsync(BenchOptions options)
    {
        Directory.CreateDirectory(options.Data);
        var work = Directory.CreateTempSubdirectory("permit-bench-points-");
        var provider = options.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        // BENCH KEYS ONLY: made in the bench's data folder next to the seed they encrypted, shared with the API it starts.
        var keys = Path.Combine(options.Data, "keys");
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(new KeyDirectory(keys)));
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var runDatabase = $"permit_bench_run_{Guid.NewGuid():N}";
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Permit.Bench.Points: {options.Residents:N0} residents on {provider}, {options.Clients} clients, {options.DurationSeconds} s per load, {Environment.ProcessorCount} cores (shared: load average is printed with each figure)"));

            var seed = await SeedOnceAsync(options, provider, protector, today, now, month);
            var connectionString = await CopyForRunAsync(options, provider, seed, work.FullName, runDatabase);
            await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
                await db.Database.MigrateAsync();

            if (options.SkipAccrual)
                return await LookupLoads.RunAsync(options, provider, connectionString, protector, keys, work.FullName);
            var clock = Stopwatch.StartNew();
            // The bench's own CPU: on SQLite the whole accrual (the database runs in this process); on PostgreSQL only
            // the client's share, the server's backend is not counted.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            AccrualResult accrual;
            await using (var db = StatementTimer.Context(provider, connectionString, protector))
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
                accrual = await MonthlyAccrual.RunAsync(db, month.Year, month.Month, now, CancellationToken.None);
            }

            // Issue #18's targets: 15 s on SQLite, 20 s on PostgreSQL.
            var target = provider == DatabaseProvider.Sqlite ? 15 : 20;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accrual:  {clock.Elapsed.TotalSeconds,8:F1} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU in the bench, for {month:yyyy-MM} ({accrual.BalancesCreated:N0} balances created, {accrual.SocialInsuranceEntries:N0} insurance + {accrual.ResidenceEntries:N0} residence entries, {accrual.BalancesUpdated:N0} rescored; target <= {target} s)  {LoadAverage()}"));

            return await LookupLoads.RunAsync(options, provider, connectionString, protector, keys, work.FullName);
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(options.Postgres);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{runDatabase}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The seeded database for this provider and size: kept from an earlier run with <c>--reuse</c>, else made afresh
    /// (a half-made seed is never taken: it gets its name only when complete). History: the two months before the
    /// measured one are accrued into it, so the measured accrual meets existing balances and a ledger.
    /// </summary>
    private static async Task<string> SeedOnceAsync(BenchOptions options, DatabaseProvider provider, CitizenIdProtector protector, DateOnly today, DateTimeOffset now, DateOnly month)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"permit_bench_seed_{options.Residents}");
        var sqliteFile = Path.Combine(options.Data, name + ".db");
        if (options.Reuse && await SeedExistsAsync(options, provider, name, sqliteFile))
        {
            Console.WriteLine($"seed:     reused {(provider == DatabaseProvider.Sqlite ? sqliteFile : name)}");
            return provider == DatabaseProvider.Sqlite ? sqliteFile : name;
        }

        var loading = name + "_loading";
        string connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            foreach (var file in new[] { sqliteFile, Path.Combine(options.Data, loading + ".db") })
                File.Delete(file);
            connectionString = $"Data Source={Path.Combine(options.Data, loading + ".db")};Pooling=False";
        }
        else
        {
            await AdminAsync(options, $"DROP DATABASE IF EXISTS \"{loading}\" WITH (FORCE)", $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{loading}\"");
            connectionString = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = loading }.ConnectionString;
        }

        await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
            await db.Database.MigrateAsync();
        var clock = Stopwatch.StartNew();
        var rows = await new Seeder(provider, connectionString, protector).SeedAsync(options.Residents, today, now, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed:     {clock.Elapsed.TotalSeconds,8:F1} s ({rows:N0} rows, {rows / clock.Elapsed.TotalSeconds:N0} rows/s)  {LoadAverage()}"));

        foreach (var history in new[] { month.AddMonths(-2), month.AddMonths(-1) })
        {
            clock.Restart();
            await using var db = PermitDatabase.CreateContext(provider, connectionString, protector);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var result = await MonthlyAccrual.RunAsync(db, history.Year, history.Month, now, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"history:  {clock.Elapsed.TotalSeconds,8:F1} s accrual of {history:yyyy-MM} into the seed ({result.BalancesCreated:N0} balances created, {result.SocialInsuranceEntries + result.ResidenceEntries:N0} entries)  {LoadAverage()}"));
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteClearPools();
            File.Move(Path.Combine(options.Data, loading + ".db"), sqliteFile);
            return sqliteFile;
        }

        // As autovacuum would have by the time a month ends.
        await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        }

        NpgsqlConnection.ClearAllPools();
        await AdminAsync(options, $"ALTER DATABASE \"{loading}\" RENAME TO \"{name}\"");
        return name;
    }

    private static async Task<bool> SeedExistsAsync(BenchOptions options, DatabaseProvider provider, string name, string sqliteFile)
    {
        if (provider == DatabaseProvider.Sqlite)
            return File.Exists(sqliteFile);
        await using var admin = new NpgsqlConnection(options.Postgres);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        return await exists.ExecuteScalarAsync() is not null;
    }

    /// <summary>A copy of the seed for this run (its accrual and audit rows never reach the seed).</summary>
    private static async Task<string> CopyForRunAsync(BenchOptions options, DatabaseProvider provider, string seed, string work, string runDatabase)
    {
        var clock = Stopwatch.StartNew();
        string connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(work, "permit.db");
            File.Copy(seed, file);
            connectionString = $"Data Source={file}";
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(options, $"CREATE DATABASE \"{runDatabase}\" TEMPLATE \"{seed}\"");
            connectionString = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = runDatabase, MaxPoolSize = 200 }.ConnectionString;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copy:     {clock.Elapsed.TotalSeconds,8:F1} s (the run works on a copy of the seed)"));
        return connectionString;
    }

    private static async Task AdminAsync(BenchOptions options, params string[] statements)
    {
        await using var admin = new NpgsqlConnection(options.Postgres);
        await admin.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, admin) { CommandTimeout = 1800 };
            await command.ExecuteNonQueryAsync();
        }
    }

    private static void SqliteClearPools() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    internal static async Task<List<string>> PermitNumbersAsync(PermitDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(ResidencePermit))!;
        var column = type.FindProperty(nameof(ResidencePermit.Number))!.GetColumnName();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT \"{column}\" FROM \"{type.GetTableName()}\"";
        var numbers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            numbers.Add(reader.GetString(0));
        return numbers.Count > 0 ? numbers : throw new InvalidOperationException("The seed has no permits.");
    }

    /// <summary>How the bench starts the API: not Production, whose baseline endpoint is never mapped and whose trust list must
    /// be a signed file; otherwise the same pipeline (HSTS and the HTTPS redirect do nothing on a plain loopback port).</summary>
    internal const string ApiEnvironment = "Bench";

    internal static string ApiDll(BenchOptions options)
    {
        var dll = options.ApiDll ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Permit.Api", new DirectoryInfo(AppContext.BaseDirectory).Name, "Permit.Api.dll"));
        return File.Exists(dll) ? dll
            : throw new FileNotFoundException("Permit.Api.dll not found: build Permit.Api in the same configuration, or pass --api-dll.", dll);
    }

    /// <summary>The API's settings for a run, shared by its start and by <c>audit verify</c> afterwards.</summary>
    internal static IEnumerable<(string Name, string Value)> ApiSettings(DatabaseProvider provider, string connectionString, string keys, string work) =>
    [
        ("Database:Provider", provider.ToString()), ($"ConnectionStrings:{PersistenceSetup.ConnectionStringName}", connectionString),
        ("Keys:Directory", keys), ("Keys:CreateMissing", "true"), ("Audit:CheckpointLog", Path.Combine(work, "audit-checkpoints.log")),
        ("Logging:File:Directory", Path.Combine(work, "logs")), ("Serilog:MinimumLevel:Default", "Warning"),
    ];

    // The API as its own process (the built Release dll beside this bench's output), quiet, with the baseline mapped, the
    // rate limits out of the way (still in the pipeline) and no scheduler; timed from process start to its first /health.
    internal static async Task<(Process Process, Uri Url, double StartSeconds)> StartApiAsync(
        BenchOptions options, DatabaseProvider provider, string connectionString, string keys, string work)
    {
        var dll = ApiDll(options);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            dll, "--urls", url, "--environment", ApiEnvironment, "--contentRoot", Path.GetDirectoryName(dll)!,
            "--Seed:Demo", "false", "--Jobs:SchedulerEnabled", "false", "--Bench:Enabled", "true",
            "--RateLimits:TerminalPerKey:PermitLimit", "2000000000", "--RateLimits:AnonymousPerAddress:PermitLimit", "2000000000",
        }.Concat(ApiSettings(provider, connectionString, keys, work).SelectMany(s => new[] { "--" + s.Name, s.Value })))
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in Profiler.ApiEnvironment(options))
            start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        var log = new StreamWriter(Path.Combine(work, "api.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await WaitForHealthAsync(http, process);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"api:      {url} (pid {process.Id}, {dll})"));
        return (process, new Uri(url), seconds);
    }

    internal static async Task StopApiAsync(Process api)
    {
        if (!api.HasExited)
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process api)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (api.HasExited)
                throw new InvalidOperationException($"The API exited with code {api.ExitCode} before answering /health.");
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException("The API did not answer /health within 3 minutes.");
            // Often, so the start time is not rounded up by the polling.
            await Task.Delay(10);
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), so a figure says how busy the shared machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"[load {fields[0]} {fields[1]} {fields[2]}]";
        }
        catch (IOException)
        {
            return "[load n/a]";
        }
    }
}

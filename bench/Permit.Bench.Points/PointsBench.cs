using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Permit.Api.Features.Points;
using Permit.Api.Keys;
using Permit.Api.Persistence;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Fields;
using Permit.Api.Security.Terminals;
using Permit.Domain.Entitlements;

namespace Permit.Bench.Points;

/// <summary>
/// Seeds N residents into a fresh SQLite file or PostgreSQL database, times the monthly accrual, starts the API on a
/// loopback port with that database (or targets <c>--api</c>) and drives many concurrent clients for a fixed time
/// against the entitlement lookup by permit number and against the bare baseline doing only its database read.
/// </summary>
public static class PointsBench
{
    private const string Service = "basic-medical-care";

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("permit-bench-points-");
        var keys = Path.Combine(work.FullName, "keys");
        var provider = options.Provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var database = $"permit_bench_{Guid.NewGuid():N}";
        var connectionString = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(work.FullName, "permit.db")}"
            : new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database, MaxPoolSize = 100 }.ConnectionString;
        // BENCH KEYS ONLY: made in the run's own temporary folder, shared with the API it starts.
        var protector = new CitizenIdProtector(DataProtectionKeys.LoadOrCreate(new KeyDirectory(keys)));
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        try
        {
            await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
                await db.Database.MigrateAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Permit.Bench.Points: {options.Residents:N0} residents on {provider}, {options.Clients} clients, {options.DurationSeconds} s per load"));

            var seeder = new Seeder(provider, connectionString, protector);
            var clock = Stopwatch.StartNew();
            await seeder.SeedAsync(options.Residents, today, now, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed:     {clock.Elapsed.TotalSeconds,8:F1} s ({seeder.PermitNumbers.Count:N0} permits)"));

            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            clock.Restart();
            AccrualResult accrual;
            await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
            {
                db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
                accrual = await MonthlyAccrual.RunAsync(db, month.Year, month.Month, now, CancellationToken.None);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accrual:  {clock.Elapsed.TotalSeconds,8:F1} s for {month:yyyy-MM} ({accrual.BalancesCreated:N0} balances created, {accrual.SocialInsuranceEntries:N0} insurance + {accrual.ResidenceEntries:N0} residence entries, {accrual.BalancesUpdated:N0} rescored; target <= 20 s)"));

            var key = ApiKey.Generate();
            await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
            {
                db.Add(VerifierTerminal.Register("bench clinic", [ServiceCategory.Health], key, now));
                await db.SaveChangesAsync();
            }

            var api = options.Api ?? StartApi(provider, connectionString, keys, work.FullName);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
            await WaitForHealthAsync(http);

            var numbers = seeder.PermitNumbers;
            var duration = TimeSpan.FromSeconds(options.DurationSeconds);
            var lookup = await Load.RunAsync(http, options.Clients, duration, random =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"/api/entitlements/permits/{numbers[random.Next(numbers.Count)]}?service={Service}");
                request.Headers.Add(ApiKey.HeaderName, key.Value);
                return request;
            });
            var baseline = await Load.RunAsync(http, options.Clients, duration,
                random => new HttpRequestMessage(HttpMethod.Get, $"/bench/baseline/permits/{numbers[random.Next(numbers.Count)]}"));
            Console.WriteLine(lookup.Describe("lookup  "));
            Console.WriteLine(baseline.Describe("baseline"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio:    {lookup.PerSecond / baseline.PerSecond:F2} (lookup / baseline throughput; target >= 0.7; lookup target >= 20,000/s, p99 <= 10 ms)"));
            return lookup.Errors + baseline.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(options.Postgres);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The in-process API may still hold the SQLite file; the temporary folder is left behind.
            }
        }
    }

    // The API in this process on a free loopback port, quiet (warnings only), with the bench baseline mapped.
    private static Uri StartApi(DatabaseProvider provider, string connectionString, string keys, string contentRoot)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        string[] args =
        [
            "--urls", url, "--environment", "Production", "--contentRoot", AppContext.BaseDirectory,
            "--Database:Provider", provider.ToString(), $"--ConnectionStrings:{PersistenceSetup.ConnectionStringName}", connectionString,
            "--Keys:Directory", keys, "--Seed:Demo", "false", "--Jobs:SchedulerEnabled", "false", "--Bench:Enabled", "true",
            "--Logging:File:Directory", "", "--Serilog:MinimumLevel:Default", "Warning",
        ];
        _ = contentRoot;
        var entry = typeof(Permit.Api.Features.Jobs.JobRunner).Assembly.EntryPoint
            ?? throw new InvalidOperationException("Permit.Api has no entry point.");
        var thread = new Thread(() => entry.Invoke(null, [args])) { IsBackground = true, Name = "permit-api" };
        thread.Start();
        return new Uri(url);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
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
                throw new TimeoutException("The API did not answer /health within 2 minutes.");
            await Task.Delay(250);
        }
    }
}

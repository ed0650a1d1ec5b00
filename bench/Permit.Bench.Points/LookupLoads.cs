using Permit.Api.Features.Credentials;
using Permit.Api.Features.Permits;
using Permit.Api.Keys;
using Permit.Api.Security.Terminals;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Entitlements;

namespace Permit.Bench.Points;

/// <summary>
/// The HTTP half of the bench, on the run's copy of the seed: starts the API as its own Release process (timing start to
/// first <c>/health</c>), drives each load with <c>wrk</c> after a warm-up — the pipeline with no database (an unknown
/// path, 404: the machine's ceiling), <c>/health</c>, the bare baseline read, the audited lookup by permit number, by QR
/// and by card with the chip's answer to a server challenge (<see cref="CardTaps"/>) — prints each with its load average, the API's RSS, then stops the API and verifies the audit chain the loads
/// wrote with the API's own <c>audit verify</c>.
/// </summary>
public static class LookupLoads
{
    private const string Service = "basic-medical-care";

    // Enough distinct QR credentials that the loads do not hit a handful of rows; each costs a signature to make.
    private const int QrCredentials = 500;

    public static async Task<int> RunAsync(
        BenchOptions options, DatabaseProvider provider, string connectionString, CitizenIdProtector protector, string seedKeys, string work)
    {
        ArgumentNullException.ThrowIfNull(options);
        var now = DateTimeOffset.UtcNow;
        var keys = CopyKeys(seedKeys, Path.Combine(work, "keys"));
        var key = ApiKey.Generate();
        List<string> numbers;
        List<string> qr;
        (Guid Id, string NamePrefix) resident;
        CardTaps taps;
        await using (var db = PermitDatabase.CreateContext(provider, connectionString, protector))
        {
            var terminal = VerifierTerminal.Register("bench clinic", [ServiceCategory.Health], key, now);
            db.Add(terminal);
            await db.SaveChangesAsync();
            numbers = await PointsBench.PermitNumbersAsync(db);
            resident = await OfficerPages.PrepareAsync(db, now);
            await OfficerPages.TakeStatisticsAsync(db);
            // The API loads this same ring from the run's key folder, and trusts it (a non-Production start: see StartApi).
            using var ring = IssuerKeyRing.LoadOrCreate(new KeyDirectory(keys), TimeProvider.System);
            qr = await QrCredentialsAsync(db, numbers, ring, now);
            taps = await CardTaps.PrepareAsync(db, numbers, ring, terminal.Id, Service, now);
        }

        var files = Path.Combine(work, "wrk");
        Directory.CreateDirectory(files);
        var byNumber = await LinesAsync(files, "by-number", numbers.Select(n => $"/api/entitlements/permits/{n}?service={Service}"));
        var baselineReads = await LinesAsync(files, "baseline", numbers.Select(n => $"/bench/baseline/permits/{n}"));
        var unknown = await LinesAsync(files, "unknown", numbers.Select(n => $"/bench/no-such-path/{n}"));
        var health = await LinesAsync(files, "health", ["/health"]);
        var qrBodies = await LinesAsync(files, "qr", qr.Select(text => $$"""{"qr":"{{text}}","service":"{{Service}}"}"""));

        var (api, url, startSeconds) = await PointsBench.StartApiAsync(options, provider, connectionString, keys, work);
        using var cards = taps;
        try
        {
            // The CPU the start took is printed too: on busy shared cores the wall time mostly measures the others.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"start:    {startSeconds,8:F2} s from process start to the first /health answer (target <= 1.5 s), {Wrk.CpuSeconds(api.Id):F2} s CPU; RSS {Rss(api)}  {PointsBench.LoadAverage()}"));
            var pageFailures = await OfficerPages.RunAsync(url, api, resident);
            var tapFailed = await TapOnceAsync(url, key.Value, taps);
            var wrk = new Wrk(url, options.WrkThreads, options.Clients, TimeSpan.FromSeconds(options.DurationSeconds), TimeSpan.FromSeconds(options.WarmUpSeconds), api.Id);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"loads:    wrk, {options.WrkThreads} thread(s), {options.Clients} connections, {options.DurationSeconds} s each after a {options.WarmUpSeconds} s warm-up, random permit numbers ({numbers.Count:N0}; {qr.Count:N0} QR credentials; {taps.Count:N0} cards with test chips)"));
            // The ceiling first and last: the shared cores change under the run, and the figures are read against it.
            var results = new List<(string Name, WrkResult Result, bool Ok)>
            {
                ("ceiling (404, no db)", await wrk.GetAsync(unknown), true),
                ("/health (1 db trip)", await wrk.GetAsync(health), false),
                ("baseline read", await wrk.GetAsync(baselineReads), false),
                ("lookup by number", await wrk.GetAsync(byNumber, key.Value), false),
                ("lookup by QR", await wrk.PostAsync("/api/entitlements/lookups/qr", qrBodies, key.Value), false),
                ("card tap (2 requests)", await wrk.TapsAsync("/api/entitlements/lookups/card", TapLines(files, provider, connectionString, protector, taps), key.Value), false),
                ("ceiling again", await wrk.GetAsync(unknown), true),
            };
            foreach (var (name, result, _) in results)
                Console.WriteLine("  " + result.Describe(name));
            var ceiling = (results[0].Result.PerSecond + results[^1].Result.PerSecond) / 2;
            var baseline = results[2].Result.PerSecond;
            var lookup = results[3].Result.PerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratios:   lookup/baseline {lookup / baseline:F2} (target >= 0.8), lookup/ceiling {lookup / ceiling:F2} (target >= 0.25); QR/ceiling {results[4].Result.PerSecond / ceiling:F2}; card taps {results[5].Result.PerSecond / 2:N0}/s (each a challenge and a lookup), tap requests/ceiling {results[5].Result.PerSecond / ceiling:F2}"));
            Console.WriteLine($"memory:   RSS after the loads {Rss(api)} (target <= 250 MB)  {PointsBench.LoadAverage()}");
            var failed = pageFailures > 0 || tapFailed || results.Any(r => r.Result.SocketErrors > 0 || (!r.Ok && r.Result.NotOk > 0) || r.Result.NotGenuine > 0);
            if (options.Profile is { } profile)
            {
                var profiled = await Profiler.ProfileAsync(profile, api, TimeSpan.FromSeconds(options.DurationSeconds), () => wrk.GetAsync(byNumber, key.Value));
                Console.WriteLine("  " + profiled.Describe("lookup, under perf"));
            }

            await PointsBench.StopApiAsync(api);
            var verified = await VerifyAuditAsync(options, provider, connectionString, keys, work);
            return failed || verified != 0 ? 1 : 0;
        }
        finally
        {
            await PointsBench.StopApiAsync(api);
        }
    }

    /// <summary>
    /// The run's own key folder: the seed's keys (they encrypted its ID numbers and blind indexes), to which the API and
    /// the bench add the issuer, checkpoint and agent keys. The seed's folder is never written.
    /// </summary>
    private static string CopyKeys(string seedKeys, string runKeys)
    {
        _ = new KeyDirectory(runKeys);
        foreach (var file in Directory.EnumerateFiles(seedKeys))
        {
            var copy = Path.Combine(runKeys, Path.GetFileName(file));
            File.Copy(file, copy);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return runKeys;
    }

    /// <summary>
    /// Phone QR credentials (the self-service format, signed by the run's issuer key) of active permits drawn at random,
    /// valid for the run: what a clinic scans.
    /// </summary>
    private static async Task<List<string>> QrCredentialsAsync(PermitDbContext db, List<string> numbers, IssuerKeyRing ring, DateTimeOffset now)
    {
        var random = new Random(18);
        var texts = new List<string>(QrCredentials);
        for (var tries = 0; texts.Count < QrCredentials && tries < QrCredentials * 10; tries++)
        {
            var number = PermitNumber.Parse(numbers[random.Next(numbers.Count)]);
            var permit = await db.ResidencePermits.AsNoTracking().FirstOrDefaultAsync(p => p.Number == number && p.Status == PermitStatus.Active);
            if (permit is null)
                continue;
            var data = await PermitCardDataSource.ForAsync(db, permit, permit.CurrentCard.Sequence, CancellationToken.None);
            texts.Add(QrCredential.IssueForPhone(data, now, TimeSpan.FromHours(2), ring.ActiveSigner));
        }

        return texts.Count > 0 ? texts : throw new InvalidOperationException("The seed has no active permit to make a QR credential for.");
    }

    /// <summary>
    /// The card-tap load's lines, written just before each run (the challenges live two minutes): for the warm-up, two
    /// thousand taps a second of it; for the measured run, half again what the warm-up reached, so none is used twice.
    /// </summary>
    private static Func<TimeSpan, double, Task<string>> TapLines(
        string folder, DatabaseProvider provider, string connectionString, CitizenIdProtector protector, CardTaps taps)
    {
        var run = 0;
        return async (length, tapsPerSecond) =>
        {
            run++;
            if (length > CardChallenge.Lifetime - TimeSpan.FromSeconds(20))
                Console.WriteLine($"  warning: a card load of {length.TotalSeconds:F0} s outlives its challenges ({CardChallenge.Lifetime.TotalSeconds:F0} s): the late taps are refused");
            var perSecond = tapsPerSecond > 0 ? tapsPerSecond * 1.5 : 2000;
            var count = (int)Math.Clamp((perSecond * length.TotalSeconds) + 1000, 1000, 500_000);
            await using var db = PermitDatabase.CreateContext(provider, connectionString, protector);
            return await taps.WriteAsync(db, Path.Combine(folder, $"card-taps-{run}.txt"), count, seed: 1800 + run);
        };
    }

    /// <summary>One card tap through the real flow before the loads; prints the verdict and says whether it failed.</summary>
    private static async Task<bool> TapOnceAsync(Uri url, string apiKey, CardTaps taps)
    {
        using var client = new HttpClient { BaseAddress = url };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var (status, answer) = await taps.TapOnceAsync(client);
        var genuine = status == 200 && answer.Contains("\"genuine\":true", StringComparison.Ordinal);
        var reason = status == 200 && System.Text.Json.JsonDocument.Parse(answer).RootElement.TryGetProperty("reasonCode", out var code) ? code.GetString() : null;
        Console.WriteLine(genuine
            ? $"card tap: one tap through the real flow answered {status}, card genuine, reason {reason}"
            : $"card tap: one tap through the real flow FAILED: {status} {answer}");
        return !genuine;
    }

    private static async Task<string> LinesAsync(string folder, string name, IEnumerable<string> lines)
    {
        var file = Path.Combine(folder, name + ".txt");
        await File.WriteAllLinesAsync(file, lines);
        return file;
    }

    /// <summary>Resident set size now and its peak so far (VmRSS, VmHWM), from /proc.</summary>
    private static string Rss(Process api)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{api.Id}/status");
            string Field(string name) => status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"{long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0:F0} MB")
                : "n/a";
            return $"{Field("VmRSS")} (peak {Field("VmHWM")})";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>
    /// <c>dotnet Permit.Api.dll audit verify</c> with the run's database and keys, as an operator would: the chain the loads
    /// appended to (every lookup's line) must verify.
    /// </summary>
    private static async Task<int> VerifyAuditAsync(BenchOptions options, DatabaseProvider provider, string connectionString, string keys, string work)
    {
        var dll = PointsBench.ApiDll(options);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("audit");
        start.ArgumentList.Add("verify");
        foreach (var (name, value) in PointsBench.ApiSettings(provider, connectionString, keys, work))
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["DOTNET_ENVIRONMENT"] = PointsBench.ApiEnvironment;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("audit verify did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = ((await output).Trim() + " " + (await error).Trim()).Trim();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit:    `dotnet Permit.Api.dll audit verify` exit {process.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s: {said}"));
        return process.ExitCode;
    }
}

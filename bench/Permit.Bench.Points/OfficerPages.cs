using System.Net.Http.Headers;
using System.Net.Http.Json;
using Permit.Api.Security.Passwords;
using Permit.Domain.Regions;

namespace Permit.Bench.Points;

/// <summary>
/// The officers' pages on the seed: a supervisor of the seed's district (Zhenhai, 330211) signs in with a password,
/// and each page (statistics, the approval queue and a deep page of it, the re-reviews, a resident search, a
/// resident's record) is fetched once to warm up and then <see cref="Rounds"/> times; the median time and the API's
/// resident memory after the page are printed with the load average.
/// </summary>
internal static class OfficerPages
{
    private const string UserName = "bench.supervisor";

    // BENCH ONLY: the bench's own account on its own copy of the seed.
    private const string Password = "bench-supervisor-password";

    private const int Rounds = 3;

    private sealed record TokenView(string AccessToken);

    /// <summary>Saves the supervisor's account in the run's copy, before the API starts; returns a resident to search for and open.</summary>
    public static async Task<(Guid Id, string NamePrefix)> PrepareAsync(PermitDbContext db, DateTimeOffset now)
    {
        db.Add(OfficerAccount.Create(UserName, "压测主管", OfficerRole.Supervisor, PasswordHasher.Hash(Password, 1000), now, Jurisdiction.Parse("330211")));
        await db.SaveChangesAsync();
        var resident = await db.Residents.AsNoTracking().IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).FirstAsync();
        return (resident.Id, resident.Name[..Math.Min(2, resident.Name.Length)]);
    }

    /// <summary>
    /// One statistics pass (what the scheduler does every 30 minutes and the first view of a day without one), timed
    /// with this process's CPU, before the API starts: <c>/admin</c> then reads the snapshot it wrote.
    /// </summary>
    public static async Task TakeStatisticsAsync(PermitDbContext db)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var snapshot = await Permit.Api.Features.Statistics.StatisticsPass.RunAsync(db, DateTimeOffset.UtcNow, "bench", CancellationToken.None);
        var rows = await db.Set<Permit.Api.Features.Statistics.StatisticsFigure>().CountAsync(f => f.SnapshotId == snapshot.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stats:    statistics snapshot (one GROUP BY pass per counted table) {clock.Elapsed.TotalSeconds:F2} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s CPU of the bench process (the database's own, for PostgreSQL, not included); {rows:N0} figure rows  {PointsBench.LoadAverage()}"));
    }

    public static async Task<int> RunAsync(Uri api, Process? process, (Guid Id, string NamePrefix) resident)
    {
        // Its own client: a page on a loaded machine may take longer than the lookups' 30 s timeout, and is then printed
        // as such rather than ending the run.
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        using var signIn = await http.PostAsJsonAsync("/api/auth/token", new { userName = UserName, password = Password });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<TokenView>())!.AccessToken;
        string[] paths =
        [
            "/admin", "/desk/queue", "/desk/queue?page=200", "/desk/reviews",
            $"/api/residents?name={Uri.EscapeDataString(resident.NamePrefix)}", $"/desk/residents/{resident.Id}",
        ];
        var failures = 0;
        foreach (var path in paths)
        {
            var times = new List<double>();
            var status = 0;
            for (var round = 0; round <= Rounds; round++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (TaskCanceledException)
                {
                    status = 0;
                }

                if (round > 0)
                    times.Add(clock.Elapsed.TotalMilliseconds);
            }

            if (status != 200)
                failures++;
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page:     {path,-40} {times[times.Count / 2],9:F0} ms median of {Rounds} (HTTP {(status == 0 ? "timed out" : status)}), API RSS {Rss(process)}  {PointsBench.LoadAverage()}"));
        }

        return failures;
    }

    private static string Rss(Process? api)
    {
        if (api is null)
            return "n/a (--api)";
        api.Refresh();
        return string.Create(CultureInfo.InvariantCulture, $"{api.WorkingSet64 / 1048576.0:F0} MB (peak {api.PeakWorkingSet64 / 1048576.0:F0} MB)");
    }
}

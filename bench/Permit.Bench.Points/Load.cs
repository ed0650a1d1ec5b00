namespace Permit.Bench.Points;

/// <summary>Throughput and latency percentiles of one load.</summary>
public sealed record LoadResult(long Requests, int Errors, double Seconds, double P50, double P95, double P99)
{
    public double PerSecond => Requests / Seconds;

    public string Describe(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {PerSecond,10:N0} req/s  p50 {P50:F2} ms  p95 {P95:F2} ms  p99 {P99:F2} ms  ({Requests:N0} requests, {Errors} errors)");
}

/// <summary>Many concurrent clients, each sending its next request when the last answer is read, for a fixed time.</summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient http, int clients, TimeSpan duration, Func<Random, HttpRequestMessage> request)
    {
        // A short warm-up (JIT, connection pool, caches) that is not measured.
        await RunClientsAsync(http, clients, TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds / 2)), request);
        var clock = Stopwatch.StartNew();
        var results = await RunClientsAsync(http, clients, duration, request);
        var seconds = clock.Elapsed.TotalSeconds;
        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        double Percentile(double p) => latencies.Length == 0 ? double.NaN
            : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(latencies.Length, results.Sum(r => r.Errors), seconds, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    private static Task<ClientResult[]> RunClientsAsync(HttpClient http, int clients, TimeSpan duration, Func<Random, HttpRequestMessage> request)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var result = new ClientResult();
            while (Stopwatch.GetTimestamp() < end)
            {
                using var message = request(random);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(message);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    result.Latencies.Add(Stopwatch.GetTimestamp() - start);
                    if (!response.IsSuccessStatusCode)
                        result.Errors++;
                }
                catch (HttpRequestException)
                {
                    result.Errors++;
                }
            }

            return result;
        })));
    }

    private sealed class ClientResult
    {
        public List<long> Latencies { get; } = [];

        public int Errors { get; set; }
    }
}

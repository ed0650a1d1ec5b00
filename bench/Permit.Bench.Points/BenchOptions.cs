using System.Globalization;

namespace Permit.Bench.Points;

/// <summary>
/// Command line: <c>--residents N --provider sqlite|postgres --postgres CONN --duration S --clients C --api URL
/// --api-dll PATH --data DIR --reuse</c>.
/// </summary>
public sealed record BenchOptions(
    int Residents, string Provider, string? Postgres, int DurationSeconds, int Clients, Uri? Api, string? ApiDll, string Data, bool Reuse)
{
    private static readonly string[] Flags = ["reuse"];

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Expected an --option, got {args[i]}.");
            var name = args[i][2..];
            if (Flags.Contains(name, StringComparer.Ordinal))
                values[name] = "true";
            else if (i + 1 < args.Length)
                values[name] = args[++i];
            else
                throw new ArgumentException($"--{name} needs a value.");
        }

        var provider = values.GetValueOrDefault("provider", "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres"))
            throw new ArgumentException("--provider is sqlite or postgres.");
        var postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("PERMIT_TEST_POSTGRES");
        if (provider == "postgres" && string.IsNullOrWhiteSpace(postgres))
            throw new ArgumentException("--provider postgres needs --postgres CONNECTION (or PERMIT_TEST_POSTGRES): a role that may create databases.");
        var data = Path.GetFullPath(values.GetValueOrDefault("data") ?? Path.Combine(Path.GetTempPath(), "permit-bench"));
        return new BenchOptions(
            Int("residents", 1_000_000), provider, postgres, Int("duration", 10), Int("clients", 64),
            values.TryGetValue("api", out var api) ? new Uri(api) : null, values.GetValueOrDefault("api-dll"), data,
            values.ContainsKey("reuse"));

        int Int(string name, int fallback) =>
            values.TryGetValue(name, out var text)
                ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"--{name} must be positive.")
                : fallback;
    }
}

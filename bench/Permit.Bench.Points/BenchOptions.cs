using System.CommandLine;

namespace Permit.Bench.Points;

/// <summary>
/// Command line (System.CommandLine, <c>--help</c> lists it): <c>--residents N --provider sqlite|postgres --postgres CONN
/// --duration S --warm-up S --clients C --wrk-threads T --profile DIR --api-dll PATH --data DIR --reuse --skip-accrual</c>.
/// </summary>
public sealed record BenchOptions(
    int Residents, string Provider, string? Postgres, int DurationSeconds, int WarmUpSeconds, int Clients, int WrkThreads, string? Profile, string? ApiDll, string Data, bool Reuse, bool SkipAccrual = false)
{
    /// <summary>The bench's options; <paramref name="run"/> gets them checked (a bad value or combination is a usage error).</summary>
    public static RootCommand Command(Func<BenchOptions, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var residents = Positive("--residents", "N", "Residents in the seed.", 1_000_000);
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres.", DefaultValueFactory = _ => "sqlite" };
        provider.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>()?.ToLowerInvariant() is not ("sqlite" or "postgres"))
                result.AddError("--provider is sqlite or postgres.");
        });
        var postgres = new Option<string>("--postgres") { Description = "A PostgreSQL role that may create databases (else PERMIT_TEST_POSTGRES).", HelpName = "CONNECTION" };
        var duration = Positive("--duration", "S", "Seconds per load, after a short warm-up.", 10);
        var warmUp = Positive("--warm-up", "S", "Seconds of unmeasured load before each measured one.", 5);
        var clients = Positive("--clients", "C", "Concurrent connections (wrk --connections).", 64);
        var wrkThreads = Positive("--wrk-threads", "T", "wrk's threads (it shares the cores with the API).", 1);
        var profile = new Option<string>("--profile")
        {
            Description = "After the measured loads, one more lookup-by-number load under perf (CPU samples with .NET symbols); its report goes to DIR.",
            HelpName = "DIR",
        };
        var apiDll = new Option<string>("--api-dll") { Description = "The API to start.", HelpName = "PATH" };
        var data = new Option<string>("--data") { Description = "Seeds and their keys (default /tmp/permit-bench).", HelpName = "DIR" };
        var skipAccrual = new Option<bool>("--skip-accrual") { Description = "Only the HTTP loads: no timed accrual before them.", Arity = ArgumentArity.Zero };
        var reuse = new Option<bool>("--reuse") { Description = "Take the seed made by an earlier run.", Arity = ArgumentArity.Zero };
        var command = new RootCommand("Permit.Bench.Points: seeds residents, then times the points and entitlement loads against a real API; prints figures.")
        {
            residents, provider, postgres, duration, warmUp, clients, wrkThreads, profile, apiDll, data, reuse, skipAccrual,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(provider)?.ToLowerInvariant() == "postgres" && string.IsNullOrWhiteSpace(Connection(result.GetValue(postgres))))
                result.AddError("--provider postgres needs --postgres CONNECTION (or PERMIT_TEST_POSTGRES): a role that may create databases.");
        });
        command.SetAction(parsed =>
        {
            var chosen = parsed.GetValue(provider)!.ToLowerInvariant();
            var connection = Connection(parsed.GetValue(postgres));
            return run(new BenchOptions(
                parsed.GetValue(residents), chosen, connection, parsed.GetValue(duration), parsed.GetValue(warmUp), parsed.GetValue(clients),
                parsed.GetValue(wrkThreads), parsed.GetValue(profile) is { } dir ? Path.GetFullPath(dir) : null, parsed.GetValue(apiDll), Path.GetFullPath(parsed.GetValue(data) ?? Path.Combine(Path.GetTempPath(), "permit-bench")), parsed.GetValue(reuse),
                parsed.GetValue(skipAccrual)));
        });
        return command;
    }

    private static string? Connection(string? given) => given ?? Environment.GetEnvironmentVariable("PERMIT_TEST_POSTGRES");

    private static Option<int> Positive(string name, string valueName, string description, int fallback) => new(name)
    {
        Description = description,
        HelpName = valueName,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0)
                return n;
            result.AddError($"{name} must be positive.");
            return 0;
        },
    };
}

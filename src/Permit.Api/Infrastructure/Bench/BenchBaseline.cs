using Permit.Api.Features.Entitlements;
using Permit.Domain.Permits;

namespace Permit.Api.Infrastructure.Bench;

/// <summary>
/// The benchmark's baseline (bench/Permit.Bench.Points): <c>GET /bench/baseline/permits/{number}</c> does only the
/// database read of the entitlement lookup by permit number (<see cref="HolderRecord.FindAsync"/>): no authentication,
/// no decision, no audit. Mapped only when <c>Bench:Enabled</c> is true (off by default, never in production): it
/// answers anyone whether a permit number exists.
/// </summary>
public static class BenchBaseline
{
    public const string EnabledSetting = "Bench:Enabled";

    public static IEndpointRouteBuilder MapBenchBaseline(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(routes);
        // Configuration alone cannot open it in Production: a mounted settings file or an environment variable is not enough.
        if (!configuration.GetValue<bool>(EnabledSetting)
            || routes.ServiceProvider.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            return routes;
        }
        routes.MapGet("/bench/baseline/permits/{number}", ReadAsync).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ReadAsync(string number, PermitDbContext db, CancellationToken cancellationToken)
    {
        if (!PermitNumber.TryParse(number, out var permitNumber))
            return TypedResults.BadRequest();
        var holder = await HolderRecord.FindAsync(db, permitNumber, cancellationToken);
        return holder is null ? TypedResults.NotFound() : TypedResults.Ok(new BaselineAnswer(true));
    }

    private sealed record BaselineAnswer(bool Found);
}

using Microsoft.Extensions.Options;

namespace Permit.Api.Keys;

/// <summary>The key directory and the keys in it, loaded (and created on first start) once per process.</summary>
public static class KeysSetup
{
    public static IServiceCollection AddPermitKeys(this IServiceCollection services)
    {
        services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section);
        services.AddSingleton(sp => KeyDirectory.FromOptions(
            sp.GetRequiredService<IOptions<KeyOptions>>().Value, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => DataProtectionKeys.LoadOrCreate(sp.GetRequiredService<KeyDirectory>()));
        services.AddSingleton(sp => IssuerKeyRing.LoadOrCreate(
            sp.GetRequiredService<KeyDirectory>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary><c>GET /api/trust-list</c>: the issuer public keys, for verifiers; public by design.</summary>
    public static IEndpointRouteBuilder MapTrustList(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/trust-list", (IssuerKeyRing ring) => TypedResults.Ok(ring.Publish()))
            .AllowAnonymous()
            .WithName("GetTrustList");
        return app;
    }
}

using Microsoft.Extensions.Options;
using Permit.Api.Audit;

namespace Permit.Api.Keys;

/// <summary>The key directory and the keys in it, loaded once per process (created at start only in Development).</summary>
public static class KeysSetup
{
    public static IServiceCollection AddPermitKeys(this IServiceCollection services)
    {
        services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section);
        services.AddSingleton(sp => KeyDirectory.FromOptions(
            sp.GetRequiredService<IOptions<KeyOptions>>().Value, sp.GetRequiredService<IHostEnvironment>(),
            sp.GetRequiredService<ILogger<KeyDirectory>>()));
        services.AddSingleton(sp => DataProtectionKeys.LoadOrCreate(sp.GetRequiredService<KeyDirectory>()));
        services.AddSingleton(sp => IssuerKeyRing.LoadOrCreate(
            sp.GetRequiredService<KeyDirectory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddSingleton(sp => AuditCheckpointKey.LoadOrCreate(sp.GetRequiredService<KeyDirectory>()));
        // Loads every key before the API serves: a missing or unreadable one stops the start, naming its file.
        services.AddHostedService<KeysStartupCheck>();
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

using Microsoft.Extensions.Options;

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
        // The issuing region is the development trust list's region as well as the permit numbers'.
        services.AddOptions<Features.Permits.PermitOptions>().BindConfiguration(Features.Permits.PermitOptions.Section);
        services.AddOptions<Trust.TrustOptions>().BindConfiguration(Trust.TrustOptions.Section);
        services.AddSingleton(sp => Trust.TrustListSource.Load(
            sp.GetRequiredService<IOptions<Trust.TrustOptions>>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<KeyDirectory>(),
            sp.GetRequiredService<IssuerKeyRing>(), sp.GetRequiredService<IOptions<Features.Permits.PermitOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Trust.TrustListSource>>()));
        // Read the trust list as the host starts, so a Production API without a valid one refuses to start, clearly.
        services.AddHostedService<Trust.TrustListStartupCheck>();
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddSingleton(sp => AuditCheckpointKey.LoadOrCreate(sp.GetRequiredService<KeyDirectory>()));
        // Loads every key before the API serves: a missing or unreadable one stops the start, naming its file.
        services.AddHostedService<KeysStartupCheck>();
        return services;
    }

    /// <summary>
    /// <c>GET /api/trust-list</c>: the root-signed trust list (COSE_Sign1, docs/trust-list.md) exactly as the root signed it;
    /// verifiers accept it only against the root key they pinned. <c>GET /api/issuer-keys</c>: this API's own issuer
    /// public keys as JSON, for people; it is not a trust anchor (nothing signs it). Both public by design.
    /// </summary>
    public static IEndpointRouteBuilder MapTrustList(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/trust-list", (Trust.TrustListSource source, HttpContext http) =>
            {
                http.Response.Headers["Trust-List-Version"] = source.List.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Bytes(source.SignedBytes, Trust.TrustListMedia.ContentType);
            })
            .AllowAnonymous()
            .WithName("GetTrustList");
        app.MapGet("/api/issuer-keys", (IssuerKeyRing ring) => TypedResults.Ok(ring.Publish()))
            .AllowAnonymous()
            .WithName("GetIssuerKeys");
        return app;
    }
}

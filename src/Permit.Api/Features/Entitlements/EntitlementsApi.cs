using Permit.Api.Security.Authorization;
using Permit.Domain.Entitlements;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// <c>/api/entitlements</c>, for verifier terminals (X-Api-Key): the services a terminal may ask about, and whether a
/// holder is entitled to one, by permit number, by QR text, or by a card its agent read. A terminal asks only about its
/// own categories (a school about education, a clinic about health); anything else is 403. Every lookup is audited.
/// One line in Program.cs: <c>app.MapEntitlements();</c>.
/// </summary>
public static class EntitlementsApi
{
    public static IServiceCollection AddEntitlements(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, EntitlementJson.Default));
        services.AddSingleton(ServiceCatalogues.NingboZhenhai2026);
        services.AddSingleton<IssuerTrust>();
        services.AddSingleton<LookupAuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<LookupAuditWriter>());
        return services;
    }

    public static IEndpointRouteBuilder MapEntitlements(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var entitlements = app.MapGroup("/api/entitlements").RequireAuthorization(Policies.Verifier).WithTags("Entitlements");

        entitlements.MapGet("/services", EntitlementLookups.Services)
            .WithName("GetTerminalServices")
            .WithSummary("The services this terminal may ask about (its categories only), for the counter's service picker");
        entitlements.MapGet("/permits/{number}", EntitlementLookups.ByPermitNumberAsync)
            .WithName("LookUpEntitlementByPermitNumber")
            .WithSummary("Is the holder of this permit number entitled to ?service= today (reason, earliest date, name and photo)");
        entitlements.MapPost("/lookups/qr", EntitlementLookups.ByQrAsync)
            .WithName("LookUpEntitlementByQr")
            .WithSummary("The same by a scanned permit QR, verified here against the issuer keys and the live register");
        entitlements.MapPost("/lookups/card", EntitlementLookups.ByCardAsync)
            .WithName("LookUpEntitlementByCard")
            .WithSummary("The same by the files a card agent read: signature and hashes re-verified here; the chip check is the agent's");
        entitlements.MapPost("/lookups/id-card", IdCardLookup.ByIdCardAsync)
            .WithName("LookUpEntitlementByIdCard")
            .WithSummary("The same by the holder's ID card, read by the counter's agent and sealed for this API; the ID number is never answered");
        return app;
    }
}

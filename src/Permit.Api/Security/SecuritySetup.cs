using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Permit.Api.Keys;
using Permit.Api.Security.Admin;
using Permit.Api.Security.Agents;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Fields;
using Permit.Logging;
using Permit.Api.Security.Nodes;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.RateLimits;
using Permit.Api.Security.Transport;
using Permit.Api.Security.SignIn;
using Permit.Api.Security.Terminals;
using Permit.Api.Security.Tokens;
using Permit.Api.Security.WebSessions;
using Microsoft.Net.Http.Headers;
using Serilog.AspNetCore;
using Serilog.Core;

namespace Permit.Api.Security;

/// <summary>Keys, sign-in, bearer tokens and API keys, policies, the audit trail and log masking.</summary>
public static class SecuritySetup
{
    /// <summary>Bearer token, API key or the pages' cookie, whichever the request carries.</summary>
    public const string Scheme = "Permit";

    public static IServiceCollection AddPermitSecurity(this IServiceCollection services)
    {
        services.AddPermitKeys();
        services.AddPermitAgents();
        services.AddSharedDataProtection();
        services.AddSessionValidation();
        services.AddPermitRateLimits();
        services.AddPermitTransport();
        services.AddOptions<PasswordOptions>().BindConfiguration(PasswordOptions.Section);
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<TerminalKeyCache>();
        services.AddSingleton<CitizenIdProtector>();
        services.AddSingleton<ILogEventEnricher, PersonalDataMasking>();
        // Request logging otherwise writes through the static bootstrap logger, which never sees the host's enrichers
        // (the static logger is kept unfrozen for test hosts): route it through the host's logger so paths get masked.
        services.AddOptions<RequestLoggingOptions>()
            .Configure<IServiceProvider>((options, provider) => options.Logger ??= provider.GetService<Serilog.ILogger>());

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token, API key or the pages' cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKey.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName
                : AgentTicketAuthenticationHandler.Applies(http) ? AgentTicketAuthenticationHandler.SchemeName
                : http.Request.Headers.ContainsKey(HeaderNames.Authorization) ? JwtBearerDefaults.AuthenticationScheme
                : WebSession.Applies(http) ? WebSession.Scheme
                : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddPermitWebSession()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddAgentTickets();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.ValidationParameters();
            });
        services.AddAuthorization(Policies.Configure);

        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActorSource, HttpAuditActorSource>();
        services.AddScoped<IAuditTrail>(sp => new AuditTrail(
            sp.GetRequiredService<Persistence.PermitDbContext>(),
            sp.GetRequiredService<IAuditActorSource>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static WebApplication UsePermitSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UsePermitRateLimits();
        app.UseWebSessionRequestCheck();
        app.UseAuthorization();
        app.UseJurisdictionScope();
        return app;
    }

    public static WebApplication MapPermitSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapTrustList();
        app.MapSignIn();
        app.MapSecurityAdmin();
        app.MapPermitAgents();
        return app;
    }
}

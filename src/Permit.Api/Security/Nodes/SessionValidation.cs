using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.WebSessions;

namespace Permit.Api.Security.Nodes;

/// <summary>
/// Checks every cookie and bearer-token use against the account's current security stamp (<see cref="CredentialStamps"/>),
/// and ends a cookie session <see cref="SessionOptions.AbsoluteHours"/> after sign-in whatever the activity. In
/// Production the cookie is Secure even when the proxy forwards plain HTTP.
/// </summary>
public static class SessionValidation
{
    public static IServiceCollection AddSessionValidation(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.StampCacheSeconds is >= 0 and <= 30, "Sessions:StampCacheSeconds is 0 to 30.")
            .Validate(o => o.AbsoluteHours > 0, "Sessions:AbsoluteHours is positive.");
        services.AddSingleton<CredentialStamps>();
        services.AddScoped<Admin.CredentialAdministration>();
        // PostConfigure: the cookie scheme's own set-up (registered later) must not undo these.
        services.AddOptions<CookieAuthenticationOptions>(WebSession.Scheme).PostConfigure<IHostEnvironment>((options, environment) =>
        {
            if (environment.IsProduction())
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Events.OnValidatePrincipal = ValidateCookieAsync;
        });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure(options =>
            options.Events = new JwtBearerEvents { OnTokenValidated = ValidateTokenAsync });
        return services;
    }

    /// <summary>The claim that starts the absolute session clock, added when the browser signs in.</summary>
    public static System.Security.Claims.Claim SessionStartedClaim(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(PermitClaims.SessionStarted, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<SessionOptions>>().CurrentValue;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var started = long.TryParse(context.Principal?.FindFirst(PermitClaims.SessionStarted)?.Value,
            NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        var expired = started is null || now >= started.Value.AddHours(options.AbsoluteHours);
        if (expired || context.Principal is null
            || !await services.GetRequiredService<CredentialStamps>().IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebSession.Scheme);
        }
    }

    public static async Task ValidateTokenAsync(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stamps = context.HttpContext.RequestServices.GetRequiredService<CredentialStamps>();
        if (context.Principal is null || !await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
            context.Fail("The account's sessions were ended (disabled, password reset or role changed).");
    }
}

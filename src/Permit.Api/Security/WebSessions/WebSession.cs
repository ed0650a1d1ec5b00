using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using Permit.Api.Security.Authorization;
using Permit.Api.Security.Tokens;

namespace Permit.Api.Security.WebSessions;

/// <summary>
/// The browser's sign-in: an HttpOnly, SameSite=Strict cookie holding the same claims as the bearer token (officers,
/// migrants) or the API-key principal (terminals). Pages use it, and the pages' scripts call the same <c>/api</c>
/// endpoints with it; callers that send a bearer token or an API key never touch it.
/// </summary>
public static class WebSession
{
    public const string Scheme = "PermitWeb";
    public const string CookieName = "permit.session";

    /// <summary>Unsafe <c>/api</c> calls on a cookie must carry this header (a cross-site form cannot set it).</summary>
    public const string RequestHeader = "X-Permit-Page";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>The cookie decides who calls when the request carries it, and for every page (anything outside <c>/api</c>).</summary>
    public static bool Applies(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Request.Cookies.ContainsKey(CookieName) || !IsApi(http.Request.Path);
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static AuthenticationBuilder AddPermitWebSession(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/signin";
            options.AccessDeniedPath = "/denied";
            options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized, SignInPathFor(context.Request.Path));
            options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden, "/denied");
        });
    }

    /// <summary>Signs the browser in with the claims of a token the API just issued (so both carry the same identity).</summary>
    public static async Task SignInWithTokenAsync(HttpContext http, IssuedToken token, TokenIssuer tokens)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(tokens);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(token.AccessToken, tokens.ValidationParameters()).ConfigureAwait(false);
        if (!validated.IsValid)
            throw new InvalidOperationException("A token the API just issued did not validate.", validated.Exception);
        var claims = validated.ClaimsIdentity.Claims.Where(c => c.Type is not ("iss" or "aud" or "exp" or "nbf" or "iat" or "jti"));
        await SignInAsync(http, claims).ConfigureAwait(false);
    }

    public static Task SignInAsync(HttpContext http, IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(http);
        var started = Nodes.SessionValidation.SessionStartedClaim(http.RequestServices.GetRequiredService<TimeProvider>());
        var identity = new ClaimsIdentity(
            claims.Where(c => c.Type != PermitClaims.SessionStarted).Append(started), Scheme, PermitClaims.Name, PermitClaims.Role);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>Each kind of user has its own door: officers, counter terminals, permit holders.</summary>
    public static string SignInPathFor(PathString path) =>
        path.StartsWithSegments("/counter", StringComparison.OrdinalIgnoreCase) ? "/counter/signin"
        : path.StartsWithSegments("/me", StringComparison.OrdinalIgnoreCase) ? "/me/signin"
        : "/signin";

    /// <summary>
    /// Refuses a cookie-authenticated change to <c>/api</c> without <see cref="RequestHeader"/>: SameSite already keeps
    /// other sites' requests cookie-less, and the header needs a CORS preflight the API never grants.
    /// </summary>
    public static WebApplication UseWebSessionRequestCheck(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (IsApi(request.Path) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
                && context.User.Identity is { IsAuthenticated: true, AuthenticationType: Scheme }
                && !request.Headers.ContainsKey(RequestHeader))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(
                    new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Type = ProblemCatalogue.TypeOf("page-header-missing"),
                        Title = $"A signed-in page's change must carry the {RequestHeader} header.",
                    },
                    options: null, contentType: "application/problem+json").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int apiStatus, string pagePath)
    {
        if (IsApi(context.Request.Path))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(pagePath + QueryString.Create("returnUrl", returnUrl));
        return Task.CompletedTask;
    }
}

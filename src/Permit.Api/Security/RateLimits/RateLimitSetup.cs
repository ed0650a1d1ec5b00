using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Terminals;

namespace Permit.Api.Security.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter in front of the API and pages (after authentication, so it knows who is signed in):
/// sign-in and activation per client address, terminal requests per API key, other anonymous requests per address.
/// Signed-in officers and migrants pass. A refusal is 429 with a ProblemDetails body and <c>Retry-After</c>. The limit
/// per user name needs the request body and is applied by the sign-in endpoints themselves (<see cref="SignInThrottle"/>).
/// </summary>
public static class RateLimitSetup
{
    /// <summary>Where a password or an activation code is checked (POST only).</summary>
    private static readonly string[] SignInPaths =
        ["/api/auth/token", "/api/self-service/token", "/api/self-service/activate", "/signin", "/counter/signin", "/me/signin", "/me/activate"];

    public static IServiceCollection AddPermitRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => new[] { o.SignInPerAddress, o.SignInPerUserName, o.TerminalPerKey, o.AnonymousPerAddress }
                .All(l => l.PermitLimit > 0 && l.WindowSeconds > 0), "Every RateLimits entry needs PermitLimit and WindowSeconds above 0.");
        services.AddSingleton<SignInThrottle>();
        // The revocation list is the one anonymous endpoint that can be expensive: served from memory, published once.
        services.AddSingleton<Features.Credentials.RevocationListCache>();
        services.AddSingleton<Features.Credentials.StatusListCache>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) =>
                WriteTooManyAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : null, cancellationToken);
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, settings));
        });
        return services;
    }

    public static WebApplication UsePermitRateLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The 429 problem every limit answers with (also used by <see cref="SignInThrottle"/>).</summary>
    public static async ValueTask WriteTooManyAsync(HttpContext http, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = Math.Max(1, (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.Response.WriteAsJsonAsync(TooMany(seconds), options: null, contentType: "application/problem+json", cancellationToken)
            .ConfigureAwait(false);
    }

    public static ProblemDetails TooMany(int retryAfterSeconds) => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Type = ProblemCatalogue.TypeOf("too-many-requests"),
        Title = $"Too many requests; try again in {retryAfterSeconds} s.",
    };

    /// <summary>The client's address (after the forwarded-headers middleware, so a trusted proxy's client), as a partition key.</summary>
    public static string AddressOf(HttpContext http) =>
        http?.Connection.RemoteIpAddress is { } address ? Normalize(address) : "unknown";

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions settings)
    {
        if (!settings.Enabled)
            return RateLimitPartition.GetNoLimiter("off");
        var request = http.Request;
        if (HttpMethods.IsPost(request.Method) && SignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
            return Window("sign-in:" + AddressOf(http), settings.SignInPerAddress);
        if (request.Headers.TryGetValue(ApiKey.HeaderName, out var key) && ApiKey.PrefixOf(key.ToString()) is { } prefix)
            return Window("terminal:" + prefix, settings.TerminalPerKey);
        if (http.User.Identity?.IsAuthenticated != true)
            return Window("anonymous:" + AddressOf(http), settings.AnonymousPerAddress);
        // A counter page signed in with the terminal's key holds a cookie, not the key: its lookups (by permit number,
        // by ID card) count against the same per-terminal budget, or a page could look numbers up without limit.
        if (http.User.FindFirst(Authorization.PermitClaims.TerminalId)?.Value is { Length: > 0 } terminal)
            return Window("terminal-session:" + terminal, settings.TerminalPerKey);
        return RateLimitPartition.GetNoLimiter("signed-in");
    }

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    // IPv4 clients seen through a dual-stack socket count as the same client as over IPv4.
    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}

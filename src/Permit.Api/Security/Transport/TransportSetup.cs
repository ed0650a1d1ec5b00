using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Security.Transport;

/// <summary>
/// What a node behind a TLS proxy needs: <c>X-Forwarded-For/-Proto</c> honoured only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), so a client cannot
/// choose its own address (and escape per-address limits); HSTS and HTTPS redirection in Production; security headers on
/// every answer; and a request body limit on every endpoint (<c>RequestLimits:MaxBodyBytes</c>, 1 MiB by default; an
/// endpoint with <c>[RequestSizeLimit]</c> metadata, such as the bulk CSV upload, sets its own), refused with 413.
/// </summary>
public static class TransportSetup
{
    public const string ForwardedSection = "ForwardedHeaders";
    public const string MaxBodySetting = "RequestLimits:MaxBodyBytes";
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Scripts and styles from this site only (no inline script, no inline style attribute), never framed, no plug-ins;
    /// the pages call the local card agent, so <c>connect-src</c> adds its address.
    /// </summary>
    public static string ContentSecurityPolicy(string agentUrl) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + $"connect-src 'self' {agentUrl}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddPermitTransport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; trust exactly what the operator names.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection($"{ForwardedSection}:KnownProxies").Get<string[]>() ?? [])
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection($"{ForwardedSection}:KnownNetworks").Get<string[]>() ?? [])
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration>((options, configuration) =>
            options.Limits.MaxRequestBodySize = MaxBodyBytes(configuration));
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme must be right before anything logs or limits them.</summary>
    public static WebApplication UsePermitTransport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Without a named proxy nothing is forwarded: the middleware would otherwise believe any client on a server that
        // reports no remote address.
        var forwarding = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarding.KnownProxies.Count > 0 || forwarding.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // The pages' settings as bound (and as the demo points them), so the policy allows exactly the agents they call.
        var web = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.WebOptions>>().Value;
        var csp = ContentSecurityPolicy(web.CounterAgent == web.AgentUrl ? web.AgentUrl : $"{web.AgentUrl} {web.CounterAgent}");
        var maxBody = MaxBodyBytes(app.Configuration);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            // The development-only API reference (Scalar) runs its own inline script; it is never mapped outside Development.
            if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
                headers.ContentSecurityPolicy = csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (await RefuseOversizedBodyAsync(context, maxBody).ConfigureAwait(false))
                return;
            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    private static long MaxBodyBytes(IConfiguration configuration) =>
        long.TryParse(configuration[MaxBodySetting], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
            ? bytes : DefaultMaxBodyBytes;

    /// <summary>Applies the endpoint's limit (or the default) and refuses a declared length over it before reading a byte.</summary>
    private static async Task<bool> RefuseOversizedBodyAsync(HttpContext context, long defaultLimit)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        if (context.Request.ContentLength is not { } length || length <= limit)
            return false;

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.Response.WriteAsJsonAsync(new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Type = ProblemCatalogue.TypeOf("request-too-large"),
            Title = $"The request body is larger than the {limit.ToString(CultureInfo.InvariantCulture)} bytes this endpoint accepts.",
            Extensions = { ["limit"] = limit },
        }, options: null, contentType: "application/problem+json").ConfigureAwait(false);
        return true;
    }
}

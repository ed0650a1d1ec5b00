namespace Permit.Api.Infrastructure.Http;

/// <summary>
/// Body size limits of the desk endpoints. The limit is declared as metadata (servers that support it stop reading at
/// the limit) and also checked against Content-Length, so that an oversized request is a 413 ProblemDetails on any host.
/// </summary>
public static class RequestLimits
{
    /// <summary>JSON requests: an ID card's text and a photo (a few tens of KB) fit with room to spare.</summary>
    public const long Json = 256 * 1024;

    /// <summary>A bulk report (CSV or .xlsx): 50,000 rows of a GB18030 or UTF-8 CSV take about 8 MiB.</summary>
    public const long Csv = 16 * 1024 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long limit) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(limit));
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.ContentLength > limit ? Permit.Api.Infrastructure.Problems.Problems.PayloadTooLarge(limit) : await next(context));
        return builder;
    }
}

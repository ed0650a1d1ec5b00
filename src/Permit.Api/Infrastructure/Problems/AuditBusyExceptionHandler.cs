using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>
/// An audited change that could not get onto the audit chain in time (a long job holding it) is refused whole with
/// 503 and a Retry-After, not a 500: nothing was written and the same request can simply be sent again.
/// </summary>
public sealed partial class AuditBusyExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<AuditBusyExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not AuditChainBusyException)
            return false;

        LogBusy(logger, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemCatalogue.TypeOf("audit-busy"),
                Title = "The audit trail is busy with a long-running job; nothing was saved. Try again in a few seconds.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audited request {Method} {Path} refused: the audit chain stayed busy")]
    private static partial void LogBusy(ILogger logger, string method, PathString path);
}

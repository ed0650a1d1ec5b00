using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>
/// A request the endpoint cannot bind (malformed JSON, <c>null</c>, <c>true</c>, <c>[]</c>, a number where a string
/// belongs, a non-GUID id, a query value of the wrong type) is a 400 <c>validation</c> problem naming the field, or
/// <c>body</c> when the body as a whole is unreadable — in every environment: <see cref="ProblemDetailsSetup"/> makes
/// minimal APIs throw <see cref="BadHttpRequestException"/> everywhere so that this handler sees it. The parser's
/// message is not echoed: it may quote what was sent.
/// </summary>
public sealed partial class UnreadableBodyExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<UnreadableBodyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
            return false;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            httpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return await WriteAsync(httpContext, exception, Problems.PayloadTooLargeDetails(
                httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0));
        }
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
            return false;

        var field = FieldOf(bad);
        LogUnreadable(logger, httpContext.Request.Method, httpContext.Request.Path, field);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "body" ? "The body cannot be read as this endpoint's JSON." : $"{field} has the wrong type or format."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemCatalogue.TypeOf("validation"),
            Title = "The request is not valid.",
        };
        problem.Extensions["field"] = field;
        problem.Extensions["code"] = "validation";
        return await WriteAsync(httpContext, exception, problem);
    }

    /// <summary>The JSON path of the failure as a field name (<c>$.documents[0].kind</c> → <c>documents[0].kind</c>), the
    /// parameter of a failed query or route binding, or <c>body</c>.</summary>
    public static string FieldOf(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { Path: { } path } && path.Length > 2 && path.StartsWith("$.", StringComparison.Ordinal))
                return path[2..];
            if (inner is JsonException)
                return "body";
        }
        // "Failed to bind parameter "int page" from "x"." — the parameter's name, not the value that was sent.
        const string bind = "Failed to bind parameter \"";
        var message = exception.Message;
        if (message.StartsWith(bind, StringComparison.Ordinal))
        {
            var end = message.IndexOf('"', bind.Length);
            var declaration = end > 0 ? message[bind.Length..end] : "";
            var name = declaration[(declaration.LastIndexOf(' ') + 1)..];
            if (name.Length > 0)
                return name;
        }
        return "body";
    }

    private Task<bool> WriteAsync(HttpContext httpContext, Exception exception, ProblemDetails problem) =>
        problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem }).AsTask();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused: field {Field} cannot be read")]
    private static partial void LogUnreadable(ILogger logger, string method, PathString path, string field);
}

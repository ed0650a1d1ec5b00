using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Permit.Domain.Common;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>
/// The one translation of a broken domain rule into HTTP: the code's <see cref="ProblemCatalogue"/> entry gives the
/// status; a rule about one request field is a 400 whose <c>errors</c> names the field (as the endpoint calls it, see
/// <see cref="ProblemFieldNames"/>); the rule's details become extensions. Endpoints never catch
/// <see cref="DomainException"/> to answer it themselves. A code missing from the catalogue is a 422.
/// </summary>
public sealed partial class DomainExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not DomainException domain)
            return false;

        var problem = ToProblem(domain, httpContext.GetEndpoint()?.Metadata.GetMetadata<ProblemFieldNames>());
        LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, domain.Code, problem.Status!.Value);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    public static ProblemDetails ToProblem(DomainException exception, ProblemFieldNames? fieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var known = ProblemCatalogue.TryFind(exception.Code, out var kind);
        ProblemDetails problem;
        if (known && kind.Field is { } ruleField)
        {
            var field = fieldNames?.Rename(ruleField) ?? ruleField;
            problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [exception.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = kind.Type,
                Title = "The request is not valid.",
            };
            problem.Extensions["field"] = field;
        }
        else
        {
            problem = new ProblemDetails
            {
                Status = known ? kind.Status : StatusCodes.Status422UnprocessableEntity,
                Type = ProblemCatalogue.TypeOf(exception.Code),
                Title = exception.Message,
            };
        }
        problem.Extensions["code"] = exception.Code;
        foreach (var (key, value) in exception.Details)
            problem.Extensions[key] = value;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused by rule {Code} ({Status})")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string code, int status);
}

/// <summary>
/// Endpoint metadata for a request that calls a rule's field by another name (the typed-in resident's
/// <c>hukouAddress</c> is the ID card's <c>address</c>): <c>.WithMetadata(new ProblemFieldNames(("address", "hukouAddress")))</c>.
/// </summary>
public sealed class ProblemFieldNames(params (string RuleField, string RequestField)[] names)
{
    private readonly Dictionary<string, string> _names = names.ToDictionary(n => n.RuleField, n => n.RequestField, StringComparer.Ordinal);

    public string Rename(string ruleField) => _names.GetValueOrDefault(ruleField, ruleField);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Infrastructure.Problems;
using Permit.Api.Persistence;
using Permit.Domain.Common;

namespace Permit.Api.Features.Permits;

/// <summary>
/// RFC 9457 answers of the permit features. A broken domain rule becomes its stable code as the problem <c>type</c>
/// (<c>https://permit.example/problems/&lt;code&gt;</c>) with the rule's details (e.g. an endorsement window's dates) as
/// extensions; a malformed value is 400, a refused change of state 409.
/// </summary>
public static class PermitProblems
{
    public const string TypeBase = "https://permit.example/problems/";
    public const string Validation = TypeBase + "validation";
    public const string PermitNotFound = TypeBase + "permit-not-found";

    // Codes that say the input was malformed rather than that the permit's state refuses the change.
    private static readonly string[] FormatCodeMarkers = ["-invalid", "-format", "-required", "-check-character", "-region"];

    public static ProblemHttpResult Problem(int status, string code, string title, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Type = TypeBase + code, Title = title };
        problem.Extensions["code"] = code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "permit-not-found", $"No residence permit has {what}.");

    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] }, type: Validation, title: "The request is not valid.");

    /// <summary>A domain rule refused the change: 400 for a malformed value, 409 for a refusal by state or rule.</summary>
    public static ProblemHttpResult FromDomain(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = FormatCodeMarkers.Any(m => exception.Code.EndsWith(m, StringComparison.Ordinal))
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status409Conflict;
        return Problem(status, exception.Code, exception.Message, exception.Details.ToDictionary(d => d.Key, d => (object?)d.Value));
    }

    /// <summary>The save was refused by a unique rule or a concurrent change (null when it was something else).</summary>
    public static ProblemHttpResult? FromDatabase(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (!DatabaseConflicts.TryClassify(exception, out var conflict))
            return null;
        var problem = DatabaseConflictExceptionHandler.ToProblem(conflict);
        return TypedResults.Problem(problem);
    }
}

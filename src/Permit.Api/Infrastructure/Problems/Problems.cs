using Microsoft.AspNetCore.Mvc;
using Permit.Domain.Common;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>
/// The RFC 9457 answers endpoints return, every one built from <see cref="ProblemCatalogue"/>: the <c>type</c> is the
/// catalogue's URI of the code, the <c>code</c> extension repeats the code, and the status is the catalogue's. A broken
/// domain rule is not translated here: endpoints let the <see cref="DomainException"/> through to
/// <see cref="DomainExceptionHandler"/>.
/// </summary>
public static class Problems
{
    private const string InvalidTitle = "The request is not valid.";

    public static string TypeOf(string code) => ProblemCatalogue.TypeOf(code);

    /// <summary>The catalogue's problem for <paramref name="code"/>, with this occasion's title and facts.</summary>
    public static ProblemHttpResult Problem(string code, string title, IReadOnlyDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(Details(code, title, extensions));

    public static ProblemDetails Details(string code, string title, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var kind = ProblemCatalogue.Get(code);
        var problem = new ProblemDetails { Status = kind.Status, Type = kind.Type, Title = title };
        problem.Extensions["code"] = code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        }
        return problem;
    }

    /// <summary>One bad field: 400 whose <c>errors</c> names it, typed by the rule it broke (default <c>validation</c>).</summary>
    public static ValidationProblem Invalid(string field, string message, string code = "validation") => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        type: TypeOf(code),
        title: InvalidTitle,
        extensions: new Dictionary<string, object?> { ["field"] = field, ["code"] = code });

    /// <summary>Every bad field of a request at once; typed by the rule when there is only one.</summary>
    public static ValidationProblem Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.First;
        return TypedResults.ValidationProblem(
            errors.ToDictionary(),
            type: errors.Count == 1 && first is not null ? TypeOf(first.Value.Code) : TypeOf("validation"),
            title: InvalidTitle,
            extensions: first is { } f ? new Dictionary<string, object?> { ["field"] = f.Field, ["code"] = f.Code } : null);
    }

    /// <summary>Field errors gathered without <see cref="FieldErrors"/> (a form of several parts), typed <c>validation</c>.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors, string title = InvalidTitle) =>
        TypedResults.ValidationProblem(errors, type: TypeOf("validation"), title: title);

    /// <summary>A desk record (resident, registration, application, entry…) that does not exist: <c>not-found</c>.</summary>
    public static ProblemHttpResult NoSuch(string what) => Problem("not-found", $"No such {what}.");

    /// <summary>No residence permit answers to what was given: <c>permit-not-found</c>.</summary>
    public static ProblemHttpResult PermitNotFound(string what) => Problem("permit-not-found", $"No residence permit has {what}.");

    public static ProblemHttpResult InvalidCredentials() => Problem("invalid-credentials", "The user name or password is wrong.");

    public static ProblemHttpResult PayloadTooLarge(long limit) => TypedResults.Problem(PayloadTooLargeDetails(limit));

    public static ProblemDetails PayloadTooLargeDetails(long limit) => Details("request-too-large",
        $"The request body is larger than the {limit} bytes this endpoint accepts.", new Dictionary<string, object?> { ["limit"] = limit });

    /// <summary>The save was refused by a unique rule or a concurrent change (null when it was something else).</summary>
    public static ProblemHttpResult? FromDatabase(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return DatabaseConflicts.TryClassify(exception, out var conflict)
            ? TypedResults.Problem(DatabaseConflictExceptionHandler.ToProblem(conflict))
            : null;
    }
}

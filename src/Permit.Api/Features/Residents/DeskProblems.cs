using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Permit.Domain.Common;

namespace Permit.Api.Features.Residents;

/// <summary>
/// The RFC 9457 problems of the registration desk (residents, registrations, bulk reports, applications). A
/// <see cref="DomainException"/>'s stable code becomes the problem <c>type</c> and its details become extensions.
/// </summary>
public static class DeskProblems
{
    public const string Base = "https://permit.example/problems/";

    /// <summary>One or more request fields are not valid; <c>errors</c> names each field.</summary>
    public const string Validation = Base + "validation";

    public const string NotFound = Base + "not-found";

    /// <summary>The request body is larger than the endpoint accepts.</summary>
    public const string TooLarge = Base + "request-too-large";

    public static string TypeOf(string code) => Base + code;

    public static ValidationProblem Invalid(string field, string message) => Invalid(field, message, "validation");

    /// <summary>A field error whose problem <c>type</c> names the rule (e.g. <c>citizen-id-check-character</c>).</summary>
    public static ValidationProblem Invalid(string field, string message, string code) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        type: TypeOf(code),
        title: "The request is not valid.",
        extensions: new Dictionary<string, object?> { ["field"] = field, ["rule"] = code });

    public static ValidationProblem Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.First;
        return TypedResults.ValidationProblem(
            errors.ToDictionary(),
            type: errors.Count == 1 && first is not null ? TypeOf(first.Value.Code) : Validation,
            title: "The request is not valid.",
            extensions: first is { } f ? new Dictionary<string, object?> { ["field"] = f.Field, ["rule"] = f.Code } : null);
    }

    public static ProblemHttpResult NotFoundProblem(string what) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Type = NotFound,
        Title = $"No such {what}.",
    });

    /// <summary>A broken rule of the regulations (422), or a state that forbids the change (409).</summary>
    public static ProblemHttpResult Rule(DomainException exception, int status = StatusCodes.Status422UnprocessableEntity)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypeOf(exception.Code),
            Title = exception.Message,
        };
        problem.Extensions["rule"] = exception.Code;
        foreach (var (key, value) in exception.Details)
            problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Conflict(string code, string title) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Type = TypeOf(code),
        Title = title,
        Extensions = { ["rule"] = code },
    });

    public static ProblemHttpResult PayloadTooLarge(long limit) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Type = TooLarge,
        Title = $"The request body is larger than the {limit} bytes this endpoint accepts.",
        Extensions = { ["limit"] = limit },
    });

    /// <summary>Status changes that the current state forbids are conflicts; every other broken rule is 422.</summary>
    public static int StatusOf(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Code switch
        {
            "application-already-decided" or "application-wrong-status" or "registration-not-active"
                or "application-due-date-already-extended" => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
    }
}

/// <summary>Field errors collected over a whole request, so the caller hears about every bad field at once.</summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Code, string Message)> _errors = [];

    public int Count => _errors.Count;

    public bool Any => _errors.Count > 0;

    public (string Field, string Code, string Message)? First => _errors.Count > 0 ? _errors[0] : null;

    public void Add(string field, string code, string message) => _errors.Add((field, code, message));

    /// <summary>Runs a value type's parse; a <see cref="DomainException"/> becomes a field error and the default comes back.</summary>
    public T? Parse<T>(string field, Func<T> parse) where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (DomainException e)
        {
            Add(field, e.Code, e.Message);
            return null;
        }
    }

    public IReadOnlyList<(string Field, string Code, string Message)> ToList() => _errors.AsReadOnly();

    public Dictionary<string, string[]> ToDictionary() => _errors
        .GroupBy(e => e.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Permit.Api.Security;

/// <summary>Stable problem <c>type</c>s of sign-in, activation and administration.</summary>
public static class SecurityProblems
{
    private const string Base = "https://permit.example/problems/";

    /// <summary>A signed-in page changed something without the page header (see <c>WebSession</c>).</summary>
    public const string PageHeaderMissing = Base + "page-header-missing";

    /// <summary>Wrong user name, wrong password or a locked account: deliberately one answer for all three.</summary>
    public const string InvalidCredentials = Base + "invalid-credentials";

    /// <summary>The activation code is unknown, used or expired.</summary>
    public const string InvalidActivationCode = Base + "invalid-activation-code";

    public const string UserNameTaken = Base + "user-name-taken";

    /// <summary>Disabling or demoting the only active admin is refused.</summary>
    public const string LastAdmin = Base + "last-admin";

    /// <summary>Too many requests from this address, for this user name or with this key: wait <c>Retry-After</c> seconds.</summary>
    public const string TooManyRequests = Base + "too-many-requests";

    public const string Validation = Base + "validation";

    public static ProblemHttpResult Unauthorized() => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Type = InvalidCredentials,
        Title = "The user name or password is wrong.",
    });

    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] }, type: Validation, title: "The request is not valid.");

    public static ProblemHttpResult Problem(int status, string type, string title) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = type, Title = title });
}

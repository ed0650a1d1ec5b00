using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Permit.CardAgent.Server;

/// <summary>Failures as RFC 9457 problem details, one stable <c>type</c> per agent failure code.</summary>
internal static class AgentProblems
{
    public const string TypePrefix = "urn:permit:card-agent:";

    public static ProblemHttpResult From(AgentFailure failure) => TypedResults.Problem(
        detail: failure.Message,
        statusCode: failure.HttpStatus,
        title: failure.Code,
        type: TypePrefix + failure.Code,
        extensions: new Dictionary<string, object?> { ["exitCode"] = failure.ExitCode });

    public static ProblemHttpResult NotConfigured(string what) => TypedResults.Problem(
        detail: $"The agent is not configured for this: {what}.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "not-configured",
        type: TypePrefix + "not-configured");

    /// <summary>Runs blocking card work off the request thread; reported failures become problems.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> RunAsync<T>(Func<T> work)
    {
        try
        {
            return TypedResults.Ok(await Task.Run(work).ConfigureAwait(false));
        }
        catch (Exception e) when (AgentFailure.IsReported(e))
        {
            return From(AgentFailure.From(e));
        }
    }
}

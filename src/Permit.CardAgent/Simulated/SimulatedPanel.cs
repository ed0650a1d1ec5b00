using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Permit.CardAgent.Simulated;

public sealed record SimulatedState(
    bool Simulated, IReadOnlyList<SimulatedPerson> People, int Person, string PermitCard, string PermitCardState, IReadOnlyList<string> HolderCards,
    string? CarriedCard);

public sealed record SimulatedPerson(int Index, string Name);

public sealed record ChoosePersonRequest(int Person);

public sealed record TapHolderRequest(string? Card);

/// <summary>
/// The panel of <c>serve --simulated</c> at <c>/simulated</c>: choose whose ID card is on the reader, insert a fresh blank
/// permit card, pull the card out (and put it back), tap a demo holder's written card. A page of another origin may
/// not work it: a request carrying a foreign <c>Origin</c> is refused (403) before anything changes.
/// </summary>
internal static class SimulatedPanel
{
    public static void MapSimulatedPanel(this IEndpointRouteBuilder app, SimulatedReaders readers, IReadOnlyList<string> allowedOrigins)
    {
        var panel = app.MapGroup("/simulated").AddEndpointFilter(async (context, next) =>
        {
            var origin = context.HttpContext.Request.Headers.Origin.ToString();
            var own = $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}";
            if (origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                && !allowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden, title: "foreign-origin", type: Server.AgentProblems.TypePrefix + "foreign-origin",
                    detail: "The simulated readers are switched from the agent's own panel or an allowed page only.");
            }

            return await next(context).ConfigureAwait(false);
        });

        panel.MapGet("", () => TypedResults.Content(PanelPage.Html, "text/html; charset=utf-8"));
        panel.MapGet("/state", () => TypedResults.Ok(State(readers)));
        panel.MapPost("/id-card", Results<Ok<SimulatedState>, ProblemHttpResult> (ChoosePersonRequest request) =>
        {
            if (request.Person < 0 || request.Person >= SimulatedPeople.All.Count)
                return Bad($"person is 0..{SimulatedPeople.All.Count - 1}.");
            readers.ChoosePerson(request.Person);
            return TypedResults.Ok(State(readers));
        });
        panel.MapPost("/permit-card/blank", () =>
        {
            readers.InsertBlankCard();
            return TypedResults.Ok(State(readers));
        });
        panel.MapPost("/permit-card/pull", () =>
        {
            readers.PullCard();
            return TypedResults.Ok(State(readers));
        });
        panel.MapPost("/permit-card/put-back", Results<Ok<SimulatedState>, ProblemHttpResult> () =>
        {
            try
            {
                readers.PutBackCard();
            }
            catch (InvalidOperationException e)
            {
                return Bad(e.Message);
            }

            return TypedResults.Ok(State(readers));
        });
        panel.MapPost("/permit-card/holder", Results<Ok<SimulatedState>, ProblemHttpResult> (TapHolderRequest request) =>
        {
            try
            {
                readers.TapHolderCard(request.Card ?? "");
            }
            catch (FileNotFoundException e)
            {
                return Bad(e.Message);
            }
            catch (InvalidDataException e)
            {
                return Bad(e.Message);
            }

            return TypedResults.Ok(State(readers));
        });
    }

    private static SimulatedState State(SimulatedReaders readers) => new(
        true,
        [.. SimulatedPeople.All.Select((p, i) => new SimulatedPerson(i, p.Name))],
        readers.Person,
        readers.PermitCardLabel,
        readers.PermitCardState(),
        readers.HolderCards(),
        readers.CarriedCard);

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "usage", type: Server.AgentProblems.TypePrefix + "usage", detail: detail);
}

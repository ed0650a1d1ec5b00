using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Events;
using Permit.CardAgent.Issuing;
using Permit.CardAgent.Pairing;
using Permit.CardAgent.Personalization;

namespace Permit.CardAgent.Server;

/// <summary>The final answer of an API-backed personalization; the serial is masked.</summary>
public sealed record ApiPersonalizeResponse(
    string Reader, string Status, string PermitNumber, int CardSequence, string CardStatus, string PermitStatus, DateOnly? IssuedOn,
    string Serial, string? IssuerKeyId, bool Recovered, FiguresJson Figures);

/// <summary>
/// <c>POST /permit-card/personalize</c> with <c>{permit: "NUMBER"}</c> and a <c>personalize</c> ticket: the officer's
/// page has the card personalized with files the paired permit API signs, and follows the steps as
/// <c>personalize-step</c> events on <c>/events</c>. The ticket (scoped to this permit and card, spent by the gate) is
/// the agent's credential for the API calls and is never logged or echoed; an <c>api</c> other than the paired one is refused.
/// </summary>
internal static class ApiPersonalizationEndpoint
{
    private static bool SameApi(string named, Uri paired)
    {
        try
        {
            return PermitApiClient.ParseApiUrl(named, "\"api\"") == paired;
        }
        catch (AgentException)
        {
            return false;
        }
    }

    public static async Task<Results<Ok<ApiPersonalizeResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext http, PersonalizeRequest request, string permitNumber, CardOperations operations, AgentHost host, CardEventHub hub)
    {
        if (http.Connection.RemoteIpAddress is not { } caller || !IPAddress.IsLoopback(caller))
        {
            return TypedResults.Problem(detail: "Card personalization is served to this PC only.", statusCode: StatusCodes.Status403Forbidden,
                title: "loopback-only", type: AgentProblems.TypePrefix + "loopback-only");
        }

        var cancellationToken = http.RequestAborted;
        var current = (string?)null;
        void Publish(string step, AgentFailure? failure = null)
        {
            hub.Publish(new AgentEvent(AgentEvent.Personalization, request.Reader, null, false, host.Time.GetUtcNow())
            {
                Step = step,
                Status = step switch { PersonalizationSteps.Done => "done", PersonalizationSteps.Failed => "failed", _ => "running" },
                FailedStep = failure is null ? null : current,
                PermitNumber = permitNumber,
                Code = failure?.Code,
                Reason = failure?.Message,
            });
            current = step;
        }

        try
        {
            // The page's ticket, checked and spent by the gate, is the agent's only credential: the officer's token never comes here.
            if (AgentGate.Ticket(http) is not { } ticket || AgentGate.TicketText(http) is not { } ticketText || AgentGate.Pairing(http) is not { } pairing)
                throw new AgentException("ticket-required", ExitCodes.Usage, "A personalize ticket is required.") { HttpStatus = 401 };
            if (request.Token is not null)
                throw AgentException.Usage("\"token\" is no longer accepted: the page sends a personalize ticket from the permit API instead.");
            var api = AgentPairing.RequireSecure(pairing.ApiUri, "the paired API");
            if (request.Api is not null && !SameApi(request.Api, api))
                throw new AgentException("api-not-paired", ExitCodes.Usage, "This agent writes cards only with the permit API it was paired with.") { HttpStatus = 403 };
            if (!string.Equals(ticket.PermitNumber, permitNumber, StringComparison.Ordinal))
                throw new AgentException("ticket-wrong-permit", ExitCodes.Usage, "The personalize ticket names another permit.") { HttpStatus = 403 };
            if (request.Photo is not null)
                throw AgentException.Usage("\"photo\" is for local data; the permit API supplies the files.");
            var code = request.TransportCode is null ? PersonalizationInput.DefaultTransportCode : KeyFiles.ParseTransportCode(request.TransportCode);
            using var client = host.ApiClients(api);
            var permitApi = new PermitApiClient(client, ticketText, PermitApiClient.TicketScheme);
            var permit = await permitApi.GetPermitAsync(permitNumber, cancellationToken).ConfigureAwait(false);
            var result = await operations.PersonalizeWithApiAsync(request.Reader, permitApi, permit, code, step => Publish(step), cancellationToken)
                .ConfigureAwait(false);
            Publish(PersonalizationSteps.Done);
            var card = result.Card;
            return TypedResults.Ok(new ApiPersonalizeResponse(
                result.Reader, "issued", card.PermitNumber, card.CardSequence, card.CardStatus, card.PermitStatus, card.IssuedOn,
                card.SerialMasked, card.IssuerKeyId, card.Recovered, FiguresJson.From(result.Figures)));
        }
        catch (Exception e) when (AgentFailure.IsReported(e))
        {
            var failure = AgentFailure.From(e);
            Publish(PersonalizationSteps.Failed, failure);
            return AgentProblems.From(failure);
        }
    }
}

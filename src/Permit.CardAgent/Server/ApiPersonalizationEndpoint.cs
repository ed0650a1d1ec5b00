using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Events;
using Permit.CardAgent.Failures;
using Permit.CardAgent.Issuing;
using Permit.CardAgent.Personalization;

namespace Permit.CardAgent.Server;

/// <summary>The final answer of an API-backed personalization; the serial is masked.</summary>
public sealed record ApiPersonalizeResponse(
    string Reader, string Status, string PermitNumber, int CardSequence, string CardStatus, string PermitStatus, DateOnly? IssuedOn,
    string Serial, string? IssuerKeyId, bool Recovered, FiguresJson Figures);

/// <summary>
/// <c>POST /permit-card/personalize</c> with <c>{api, permit: "NUMBER", token}</c>: the officer's page has the card
/// personalized with files the permit API signs, and follows the steps as <c>personalize-step</c> events on
/// <c>/events</c>. Only callers on this PC are served; the token is used for the API calls and never logged or echoed.
/// </summary>
internal static class ApiPersonalizationEndpoint
{
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
            if (string.IsNullOrWhiteSpace(request.Api))
                throw AgentException.Usage("\"api\" (the permit API's address) is required with a permit number.");
            if (string.IsNullOrWhiteSpace(request.Token))
                throw AgentException.Usage("\"token\" (the officer's bearer token for the permit API) is required.");
            if (request.Photo is not null)
                throw AgentException.Usage("\"photo\" is for local data; the permit API supplies the files.");
            var api = PermitApiClient.ParseApiUrl(request.Api, "\"api\"");
            var code = request.TransportCode is null ? PersonalizationInput.DefaultTransportCode : KeyFiles.ParseTransportCode(request.TransportCode);
            using var client = host.ApiClients(api);
            var permitApi = new PermitApiClient(client, request.Token.Trim());
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

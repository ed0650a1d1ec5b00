using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Permit.CardAgent.Events;

namespace Permit.CardAgent.Server;

/// <summary><c>GET /events</c>: server-sent events, <c>event: card-inserted</c> with the <see cref="AgentEvent"/> as JSON data.</summary>
internal static class EventEndpoints
{
    public static void MapEventEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/events", async (HttpContext context, CardEventHub hub, CardOperations operations, Cli.AgentHost host) =>
        {
            var response = context.Response;
            var stop = context.RequestAborted;
            response.Headers.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            // Listening before the headers go out: a page that starts a personalization once the stream is open sees every step.
            var events = hub.ListenAsync(stop);
            await response.Body.FlushAsync(stop).ConfigureAwait(false);

            // What is there now, so a page opened after the card went in still knows about it.
            foreach (var e in Snapshot(operations, host.Time))
                await WriteAsync(response, e, stop).ConfigureAwait(false);

            try
            {
                await foreach (var e in events.ConfigureAwait(false))
                    await WriteAsync(response, e, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The page went away.
            }
        });

    private static IEnumerable<AgentEvent> Snapshot(CardOperations operations, TimeProvider time)
    {
        IReadOnlyList<Terminals.ReaderInfo> readers;
        try
        {
            readers = operations.ListReaders();
        }
        catch (Exception e) when (Failures.AgentFailure.IsReported(e))
        {
            return [new AgentEvent(AgentEvent.ServiceLost, null, null, Initial: true, time.GetUtcNow())];
        }

        return readers.SelectMany(r => r.CardPresent
            ? new[] { new AgentEvent(AgentEvent.ReaderAttached, r.Name, null, true, time.GetUtcNow()), new AgentEvent(AgentEvent.CardInserted, r.Name, r.AtrHex, true, time.GetUtcNow()) }
            : [new AgentEvent(AgentEvent.ReaderAttached, r.Name, null, true, time.GetUtcNow())]);
    }

    private static async Task WriteAsync(HttpResponse response, AgentEvent e, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {e.Type}\ndata: {JsonSerializer.Serialize(e, AgentJson.Line)}\n\n", cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Permit.CardAgent.Pairing;
using Permit.Domain.Credentials.Agents;

namespace Permit.CardAgent.Server;

/// <summary>
/// The agent's door, before any route runs (so no refused request ever reaches a card):
/// <list type="number">
/// <item>the <c>Host</c> must be <c>127.0.0.1:PORT</c>, <c>localhost:PORT</c> or <c>[::1]:PORT</c> (this port):
///   anything else is a DNS-rebound page and gets 421;</item>
/// <item>CORS preflights pass to the CORS policy (allowed origins only), <c>GET /health</c> passes;</item>
/// <item>an <c>Origin</c>, when sent, must be on <c>Agent:AllowedOrigins</c> (403); a request without one comes from a
///   program on this PC, not a browser page, and still needs a ticket;</item>
/// <item>a ticket in <see cref="TicketHeader"/> (for <c>GET /events</c>, which EventSource opens without headers, the
///   <c>ticket</c> query parameter), signed by the ticket key pinned at pairing, for this agent, for the route's
///   operation (401 without one, 403 otherwise); a <c>personalize</c> ticket is spent here, once.</item>
/// </list>
/// </summary>
public sealed class AgentGate
{
    public const string TicketHeader = "Permit-Agent-Ticket";
    public const string TicketQuery = "ticket";
    private const string TicketItem = "permit-agent-ticket";
    private const string TicketTextItem = "permit-agent-ticket-text";
    private const string PairingItem = "permit-agent-pairing";

    private readonly string[] _origins;
    private readonly Func<AgentPairing?> _pairing;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);

    public AgentGate(IEnumerable<string> origins, Func<AgentPairing?> pairing, TimeProvider time)
    {
        _origins = [.. origins];
        _pairing = pairing;
        _time = time;
    }

    /// <summary>The verified ticket of this request (set by the gate for every route but <c>/health</c>).</summary>
    public static AgentTicket? Ticket(HttpContext http) => http?.Items[TicketItem] as AgentTicket;

    /// <summary>The ticket as sent: a personalize ticket is the agent's credential towards the API.</summary>
    public static string? TicketText(HttpContext http) => http?.Items[TicketTextItem] as string;

    /// <summary>The pairing the ticket was checked against.</summary>
    public static AgentPairing? Pairing(HttpContext http) => http?.Items[PairingItem] as AgentPairing;

    /// <summary>First of all middleware: a request for another host name (DNS rebinding) is answered 421 and goes no further.</summary>
    public static async Task CheckHostAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        if (!IsLoopbackHost(http.Request.Host, http.Connection.LocalPort))
        {
            await RefuseAsync(http, StatusCodes.Status421MisdirectedRequest, "misdirected-request",
                "This agent answers only to 127.0.0.1, localhost or [::1] on its own port.").ConfigureAwait(false);
            return;
        }

        await next(http).ConfigureAwait(false);
    }

    /// <summary>After CORS (so an allowed page can read its refusal): origin, pairing and ticket.</summary>
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(next);
        var request = http.Request;
        var origin = request.Headers.Origin.ToString();
        if (HttpMethods.IsOptions(request.Method) && origin.Length > 0)
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && request.Path.Equals("/health", StringComparison.Ordinal))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        if (origin.Length > 0 && !_origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "origin-not-allowed",
                "This page's origin may not use the card agent (Agent:AllowedOrigins).").ConfigureAwait(false);
            return;
        }

        AgentPairing? pairing;
        try
        {
            pairing = _pairing();
        }
        catch (Failures.AgentException e)
        {
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "not-paired", e.Message).ConfigureAwait(false);
            return;
        }

        if (pairing is null)
        {
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "not-paired",
                "The agent is not paired with a permit API yet: run permit-agent pair --api URL on this PC.").ConfigureAwait(false);
            return;
        }

        var text = request.Headers[TicketHeader].ToString();
        if (text.Length == 0 && HttpMethods.IsGet(request.Method) && request.Path.Equals("/events", StringComparison.Ordinal))
            text = request.Query[TicketQuery].ToString();
        if (text.Length == 0)
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "ticket-required",
                $"A ticket from the permit API ({TicketHeader}) is required for this.").ConfigureAwait(false);
            return;
        }

        var now = _time.GetUtcNow();
        var read = pairing.Verify(text, now);
        if (read.Ticket is not { } ticket)
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "ticket-refused", $"The ticket is refused ({read.Error}).").ConfigureAwait(false);
            return;
        }

        if ((ticket.Kind == AgentTicketHolder.Terminal) != pairing.IsCounter || !Opens(ticket.Operation, request.Method, request.Path))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "ticket-wrong-operation",
                $"A '{ticket.Operation}' ticket does not open {request.Method} {request.Path}.").ConfigureAwait(false);
            return;
        }

        if (ticket.Operation == AgentOperations.Personalize && !Spend(ticket, now))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "ticket-replayed", "This personalize ticket was used already.").ConfigureAwait(false);
            return;
        }

        http.Items[TicketItem] = ticket;
        http.Items[TicketTextItem] = text;
        http.Items[PairingItem] = pairing;
        await next(http).ConfigureAwait(false);
    }

    /// <summary>Which operation opens which route; <c>GET /readers</c> only lists readers, so any ticket opens it.</summary>
    public static bool Opens(string operation, string method, PathString path) => (method, path.Value) switch
    {
        ("GET", "/readers") => true,
        ("POST", "/id-card/read") => operation == AgentOperations.ReadId,
        ("POST", "/permit-card/read") or ("POST", "/qr/verify") => operation == AgentOperations.ReadPermit,
        ("POST", "/permit-card/personalize") => operation == AgentOperations.Personalize,
        ("GET", "/events") => operation == AgentOperations.Events,
        _ => false,
    };

    public static bool IsLoopbackHost(HostString host, int port)
    {
        if (!host.HasValue || host.Port != port)
            return false;
        return host.Host.Equals("127.0.0.1", StringComparison.Ordinal)
            || host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.Host.Equals("[::1]", StringComparison.Ordinal);
    }

    // Tickets are remembered until they expire (plus the skew the codec allows), then forgotten: an expired one is refused anyway.
    private bool Spend(AgentTicket ticket, DateTimeOffset now)
    {
        foreach (var (id, expires) in _spent)
        {
            if (expires + AgentTicketCodec.ClockSkew < now)
                _spent.TryRemove(id, out _);
        }

        return _spent.TryAdd(ticket.Id, ticket.ExpiresAt);
    }

    private static Task RefuseAsync(HttpContext http, int status, string code, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: code, type: AgentProblems.TypePrefix + code).ExecuteAsync(http);
}

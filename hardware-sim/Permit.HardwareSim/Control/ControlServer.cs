using System.Collections.Specialized;
using System.Net;
using System.Text.Json;
using Permit.HardwareSim.PermitCards;
using Permit.HardwareSim.Transport;

namespace Permit.HardwareSim.Control;

/// <summary>
/// permit-sim's control surface for tests, on loopback only (like MOSIP's mock-device admin API):
/// <list type="table">
/// <item><term>GET /status</term><description><see cref="SimulatorStatus"/> as JSON</description></item>
/// <item><term>POST /remove, POST /insert</term><description>pull the card out / put it back (closes / reopens the vpcd socket)</description></item>
/// <item><term>POST /delay?ms=N</term><description>answer every APDU N ms late</description></item>
/// <item><term>POST /drop?at=N</term><description>the Nth APDU from now is not answered: the card is pulled out instead</description></item>
/// <item><term>POST /answer?sw=6A82&amp;count=N</term><description>the next N APDUs get just that status word</description></item>
/// <item><term>POST /clear</term><description>no delay, no pending faults</description></item>
/// </list>
/// Answers 200 with the status after the change, 400 for a bad parameter, 404 for anything else.
/// </summary>
public sealed class ControlServer : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpListener _listener = new();
    private readonly ISimulatorControl _control;
    private readonly IEmulatedCard _card;

    public ControlServer(int port, ISimulatorControl control, IEmulatedCard card)
    {
        _control = control;
        _card = card;
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public int Port { get; }

    /// <exception cref="HttpListenerException">The port is taken.</exception>
    public void Start() => _listener.Start();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(_listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await HandleAsync(context).ConfigureAwait(false);
        }
    }

    public SimulatorStatus Status()
    {
        var permitCard = _card as PermitCard;
        return new SimulatorStatus(
            _control.IsInserted,
            _control.Faults.ApdusAnswered,
            (int)_control.Faults.AnswerDelay.TotalMilliseconds,
            permitCard?.LifeCycle.ToString().ToUpperInvariant(),
            permitCard?.TransportTriesLeft);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var outcome = Apply(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", context.Request.QueryString);
            response.StatusCode = (int)outcome;
            if (outcome == HttpStatusCode.OK)
            {
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(Status(), Json)).ConfigureAwait(false);
            }
        }
        catch (ArgumentException)
        {
            response.StatusCode = (int)HttpStatusCode.BadRequest;
        }
        finally
        {
            response.Close();
        }
    }

    private HttpStatusCode Apply(string method, string path, NameValueCollection query)
    {
        switch (method, path)
        {
            case ("GET", "/status"):
                return HttpStatusCode.OK;
            case ("POST", "/remove"):
                _control.Remove();
                return HttpStatusCode.OK;
            case ("POST", "/insert"):
                _control.Insert();
                return HttpStatusCode.OK;
            case ("POST", "/clear"):
                _control.Faults.Clear();
                return HttpStatusCode.OK;
            case ("POST", "/delay"):
                if (!int.TryParse(query["ms"], CultureInfo.InvariantCulture, out var ms) || ms < 0)
                {
                    return HttpStatusCode.BadRequest;
                }

                _control.Faults.AnswerDelay = TimeSpan.FromMilliseconds(ms);
                return HttpStatusCode.OK;
            case ("POST", "/drop"):
                if (!int.TryParse(query["at"], CultureInfo.InvariantCulture, out var at) || at < 1)
                {
                    return HttpStatusCode.BadRequest;
                }

                _control.Faults.DropConnectionAt(at);
                return HttpStatusCode.OK;
            case ("POST", "/answer"):
                var count = 1;
                if (!ushort.TryParse(query["sw"], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var sw)
                    || (query["count"] is { } c && (!int.TryParse(c, CultureInfo.InvariantCulture, out count) || count < 1)))
                {
                    return HttpStatusCode.BadRequest;
                }

                _control.Faults.AnswerNext(sw, count);
                return HttpStatusCode.OK;
            default:
                return HttpStatusCode.NotFound;
        }
    }

    public void Dispose() => ((IDisposable)_listener).Dispose();
}

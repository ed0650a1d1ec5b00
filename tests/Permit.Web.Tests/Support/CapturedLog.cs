using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Permit.Web.Tests.Support;

/// <summary>
/// Every log event of a test host's API, as the API's own sinks receive it (behind the same
/// <see cref="Permit.Logging.MaskingSink"/>), kept as the file would hold it (compact JSON) and as the console shows it
/// (the rendered message), so a story can grep its whole log.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly CompactJsonFormatter _file = new();

    public string Text
    {
        get
        {
            lock (_gate)
                return string.Join('\n', _lines);
        }
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _file.Format(logEvent, writer);
        logEvent.RenderMessage(writer, CultureInfo.InvariantCulture);
        writer.Write(logEvent.Exception?.ToString());
        lock (_gate)
            _lines.Add(writer.ToString());
    }
}

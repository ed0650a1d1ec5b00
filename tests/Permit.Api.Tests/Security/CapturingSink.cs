using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Permit.Api.Tests.Security;

/// <summary>
/// A log sink that keeps each event as a line: the rendered message, every property and the exception, so a test can
/// look for what must not be logged anywhere in it. Safe to write from the request threads while the test reads.
/// </summary>
internal sealed class CapturingSink : ILogEventSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
                return [.. _lines];
        }
    }

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        logEvent.RenderMessage(writer, CultureInfo.InvariantCulture);
        foreach (var property in logEvent.Properties)
            writer.Write($" {property.Key}={property.Value}");
        writer.Write(logEvent.Exception?.ToString());
        lock (_gate)
            _lines.Add(writer.ToString());
    }
}

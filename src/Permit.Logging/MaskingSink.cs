using Serilog.Core;
using Serilog.Events;

namespace Permit.Logging;

/// <summary>
/// Wraps the host's sinks so an exception's text (message, inner exceptions, stack) passes through
/// <see cref="PersonalDataMasking.MaskText"/> before it is written: a provider's or parser's message may quote the value
/// it choked on, an ID number included.
/// </summary>
public sealed class MaskingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Exception is null or MaskedException)
        {
            inner.Emit(logEvent);
            return;
        }

        inner.Emit(new LogEvent(
            logEvent.Timestamp, logEvent.Level, new MaskedException(logEvent.Exception), logEvent.MessageTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, p.Value)), logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

/// <summary>An exception as logged: the original's type name and its masked text; nothing else of it is kept.</summary>
public sealed class MaskedException : Exception
{
    private readonly string _text;

    public MaskedException(Exception original)
        : base(PersonalDataMasking.MaskText((original ?? throw new ArgumentNullException(nameof(original))).Message))
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _text = PersonalDataMasking.MaskText(original.ToString());
    }

    public MaskedException()
    {
        OriginalType = _text = string.Empty;
    }

    public MaskedException(string message)
        : base(message)
    {
        OriginalType = _text = string.Empty;
    }

    public MaskedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = _text = string.Empty;
    }

    public string OriginalType { get; }

    public override string ToString() => _text.Length > 0 ? _text : base.ToString();
}

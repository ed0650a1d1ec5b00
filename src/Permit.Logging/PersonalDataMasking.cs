using System.Text.RegularExpressions;
using Permit.Domain.Identity;
using Serilog.Core;
using Serilog.Events;

namespace Permit.Logging;

/// <summary>
/// Masks anything shaped like a citizen ID number (17 digits and a digit or X) in every string property of a log event,
/// e.g. a request path, as <see cref="CitizenIdNumber.Masked"/> does: first 6, eight asterisks, last 4. A safety net
/// under the rule that code never logs ID numbers; also masks 15-digit first-generation ID numbers, API keys, bearer tokens,
/// photo links and activation codes by shape. Exception text is masked by <see cref="MaskingSink"/>, which enrichers cannot reach.
/// </summary>
public sealed partial class PersonalDataMasking : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<LogEventProperty>? replaced = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = Mask(value);
            if (!ReferenceEquals(masked, value))
                (replaced ??= []).Add(new LogEventProperty(name, masked));
        }

        if (replaced is not null)
        {
            foreach (var property in replaced)
                logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The text with ID numbers, API keys, tokens and activation codes masked.</summary>
    public static string MaskText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = IdNumberShape().Replace(text, m => $"{m.Value[..6]}********{m.Value[14..]}");
        // First-generation cards (still in old records): 15 digits, no check digit.
        masked = FirstGenerationIdShape().Replace(masked, m => $"{m.Value[..6]}*****{m.Value[11..]}");
        masked = ApiKeyShape().Replace(masked, m => m.Value[..20] + "_********");
        masked = BearerShape().Replace(masked, "Bearer ********");
        masked = PhotoLinkShape().Replace(masked, "/api/photos/********");
        return ActivationCodeShape().Replace(masked, "****-****-****-****");
    }

    private static LogEventPropertyValue Mask(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when MaskText(text) is var masked && masked != text => new ScalarValue(masked),
        ScalarValue { Value: CitizenIdNumber number } => new ScalarValue(number.Masked),
        SequenceValue sequence when sequence.Elements.Select(Mask).ToList() is var items
            && items.Where((v, i) => !ReferenceEquals(v, sequence.Elements[i])).Any() => new SequenceValue(items),
        StructureValue structure when structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value))).ToList() is var props
            && props.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any() =>
            new StructureValue(props, structure.TypeTag),
        _ => value,
    };

    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumberShape();

    [GeneratedRegex(@"(?<![0-9])[0-9]{15}(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex FirstGenerationIdShape();

    [GeneratedRegex(@"pvk_[0-9a-f]{16}_[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyShape();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9_\-\.]+", RegexOptions.CultureInvariant)]
    private static partial Regex BearerShape();

    // A photo link is a credential for two minutes: its token never reaches a log (docs/photos.md).
    [GeneratedRegex(@"/api/photos/[A-Za-z0-9_\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex PhotoLinkShape();

    [GeneratedRegex(@"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex ActivationCodeShape();
}

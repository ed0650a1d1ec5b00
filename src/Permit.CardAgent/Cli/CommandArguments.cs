using System.Globalization;
using Permit.CardAgent.Failures;

namespace Permit.CardAgent.Cli;

/// <summary>
/// One command's options, parsed by hand: <c>--name value</c> options (some repeatable) and <c>--flag</c> switches.
/// Anything unknown is a usage error naming it.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandArguments(string command) => Command = command;

    public string Command { get; }

    /// <exception cref="AgentException"><c>usage</c>.</exception>
    public static CommandArguments Parse(string command, IReadOnlyList<string> args, IEnumerable<string> options, IEnumerable<string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        var valued = options.ToHashSet(StringComparer.Ordinal);
        var switches = flags.ToHashSet(StringComparer.Ordinal);
        var parsed = new CommandArguments(command);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? inline = null;
            if (name.StartsWith("--", StringComparison.Ordinal) && name.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                (name, inline) = (name[..eq], name[(eq + 1)..]);

            if (switches.Contains(name) && inline is null)
            {
                parsed._flags.Add(name);
            }
            else if (valued.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw AgentException.Usage($"{command}: {name} needs a value."));
                if (!parsed._values.TryGetValue(name, out var list))
                    parsed._values[name] = list = [];
                list.Add(value);
            }
            else
            {
                throw AgentException.Usage($"{command}: unknown option '{name}'.");
            }
        }

        return parsed;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of an option given at most once.</summary>
    public string? Value(string name) => Values(name) switch
    {
        [] => null,
        [var one] => one,
        _ => throw AgentException.Usage($"{Command}: {name} is given more than once."),
    };

    public string Required(string name) => Value(name) ?? throw AgentException.Usage($"{Command}: {name} is required.");

    public int? PositiveInt(string name) => Value(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => throw AgentException.Usage($"{Command}: {name} must be a positive whole number."),
    };
}

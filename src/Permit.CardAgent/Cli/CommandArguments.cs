using System.CommandLine;
using System.Globalization;

namespace Permit.CardAgent.Cli;

/// <summary>
/// One command's parsed options, read by name. System.CommandLine has already refused anything unknown, a missing
/// value and an option given twice; what is left here are the rules that depend on the command (which options go
/// together, what a number may be), each a usage error naming the command.
/// </summary>
public sealed class CommandArguments(string command, ParseResult parsed)
{
    public string Command { get; } = command;

    public bool Flag(string name) => parsed.GetValue<bool>(name);

    public IReadOnlyList<string> Values(string name) => parsed.GetValue<string[]>(name) ?? [];

    /// <summary>The value of an option given at most once (the parser refuses a second one).</summary>
    public string? Value(string name) => parsed.GetValue<string>(name);

    /// <summary>The command's positional argument, when it has one.</summary>
    public string? Argument(string name) => parsed.GetValue<string>(name);

    public string Required(string name) => Value(name) ?? throw AgentException.Usage($"{Command}: {name} is required.");

    public int? PositiveInt(string name) => Value(name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
        _ => throw AgentException.Usage($"{Command}: {name} must be a positive whole number."),
    };
}

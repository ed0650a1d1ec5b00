using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Permit.CommandLine;

/// <summary>
/// The house rules for a program's command line, on System.CommandLine: help is generated (<c>--help</c> on every
/// command), an argument means what it says (no <c>@response</c> files, no <c>[directives]</c>), and a parse error is
/// the program's to report with its own usage exit code (the library's default is 1, which our programs give other
/// meanings). Signals and exceptions stay the program's too.
/// </summary>
public static class ProgramCommandLine
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> under the house rules.</summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Directives.Clear();
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>True when the arguments cannot run (unknown option or command, missing or bad value) and help was not asked for.</summary>
    public static bool IsUsageError(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.Errors.Count > 0 && parsed.Action is not HelpAction;
    }

    /// <summary>The errors' messages, in the order the parser found them.</summary>
    public static IReadOnlyList<string> Errors(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return [.. parsed.Errors.Select(e => e.Message)];
    }

    /// <summary>
    /// Refuses <c>--anything</c> as a value of <paramref name="argument"/>: the parser hands a word it does not know to a
    /// command's positional argument, so a mistyped option would otherwise be taken for a file name or a text.
    /// </summary>
    public static T RefusingUnknownOptions<T>(this T argument) where T : Argument
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                result.AddError($"Unrecognized option '{token.Value}'.");
        });
        return argument;
    }

    /// <summary>Writes the generated help of the command the arguments got as far as (after an error: where to look).</summary>
    public static void WriteHelp(ParseResult parsed, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(writer);
        var path = new List<string>();
        for (var command = parsed.CommandResult; command.Parent is CommandResult parent; command = parent)
            path.Insert(0, command.Command.Name);
        var root = (RootCommand)parsed.RootCommandResult.Command;
        Parse(root, [.. path, "--help"]).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }

    /// <summary>Runs the parsed command's action (or writes the help asked for, exit 0).</summary>
    public static Task<int> InvokeAsync(ParseResult parsed, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Each program handles Ctrl+C and SIGTERM itself (cards removed, ports released) and lets exceptions be
            // exceptions: the library's handlers would turn both into its own exit codes.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        }, cancellationToken);
    }
}

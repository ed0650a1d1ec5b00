using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Permit.Api.Features.LegacyImport;
using Permit.Api.Keys;
using Permit.Api.Keys.Trust;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Admin;
using Permit.CommandLine;

namespace Permit.Api.Infrastructure.Tasks;

/// <summary>
/// The API's administrative tasks, run instead of serving when the first argument names one (<see cref="Verbs"/>):
/// audit, keys, officers, terminals and the legacy import. System.CommandLine reads them (help on every command, a
/// usage error is exit 2); anything else — the normal start with its ASP.NET <c>--key value</c> settings and
/// <c>--urls</c> — never reaches it.
/// </summary>
public static class ApiCommandLine
{
    /// <summary>The first words that make a run a task.</summary>
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "audit", "keys", "officers", "terminals", "import" };

    public const int UsageExitCode = 2;

    /// <summary>True when <paramref name="args"/> is a task, not a start of the web host.</summary>
    public static bool IsTask(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count > 0 && Verbs.Contains(args[0]);
    }

    /// <summary>
    /// Runs a task. <paramref name="services"/> builds the host's services when the task needs them, migrating the
    /// database first unless told not to (keys and the trust root come before any database).
    /// </summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<bool, Task<IServiceProvider>> services, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = ProgramCommandLine.Parse(Root(new TaskContext(services, input, output, error)), args);
        if (ProgramCommandLine.IsUsageError(parsed))
        {
            foreach (var problem in ProgramCommandLine.Errors(parsed))
                await error.WriteLineAsync($"Permit.Api: {problem}").ConfigureAwait(false);
            await error.WriteLineAsync().ConfigureAwait(false);
            ProgramCommandLine.WriteHelp(parsed, error);
            return UsageExitCode;
        }

        return await ProgramCommandLine.InvokeAsync(parsed, output ?? TextWriter.Null, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a task against services already built and migrated (tests); errors go to <paramref name="output"/> too.</summary>
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(args, _ => Task.FromResult(services), input, output, output, cancellationToken);

    private sealed record TaskContext(Func<bool, Task<IServiceProvider>> Services, TextReader Input, TextWriter Output, TextWriter Error)
    {
        public Task<IServiceProvider> MigratedAsync() => Services(true);

        public Task<IServiceProvider> WithoutDatabaseAsync() => Services(false);
    }

    private static RootCommand Root(TaskContext context)
    {
        var root = new RootCommand("""
            Permit.Api tasks (run in place of the web host; any other first argument starts it, with ASP.NET settings such
            as --urls). Every task but keys init, keys root init and keys sign-trust-list migrates the database first.
            Exit codes: 0 done, 1 see the task (audit chain broken, officer or terminal unknown, file unreadable),
            2 usage or bad input, 3 refused (it would leave no active admin).
            """)
        {
            Audit(context), Keys(context), Officers(context), Terminals(context), Import(context),
        };
        return root;
    }

    private static Command Audit(TaskContext context)
    {
        var verify = new Command("verify", "Walk the audit chain and check it against the signed checkpoints: exit 1 naming the first broken link.");
        verify.SetAction(async (_, ct) => await AuditCli.VerifyAsync(await context.MigratedAsync().ConfigureAwait(false), context.Output, ct).ConfigureAwait(false));
        var checkpoint = new Command("checkpoint", "Sign the chain head into the checkpoint log.");
        checkpoint.SetAction(async (_, ct) => await AuditCli.CheckpointAsync(await context.MigratedAsync().ConfigureAwait(false), context.Output, ct).ConfigureAwait(false));
        return new Command("audit", "The hash-chained audit trail.") { verify, checkpoint };
    }

    private static Command Keys(TaskContext context)
    {
        var init = new Command("init", "Make every missing key in the key directory (never replaces one) and list what it made. Runs before the database.");
        init.SetAction(async _ => await KeysCli.InitAsync(await context.WithoutDatabaseAsync().ConfigureAwait(false), context.Output).ConfigureAwait(false));
        var rotateIssuer = new Command("rotate-issuer", "A new active issuer key; earlier keys stay trusted.");
        rotateIssuer.SetAction(async _ => await KeysCli.RotateIssuerAsync(await context.MigratedAsync().ConfigureAwait(false), context.Output).ConfigureAwait(false));
        var addEncryptionKey = new Command("add-encryption-key", "A new citizen ID encryption key version.");
        addEncryptionKey.SetAction(async _ => await KeysCli.AddEncryptionKeyAsync(await context.MigratedAsync().ConfigureAwait(false), context.Output).ConfigureAwait(false));
        var batch = new Argument<int?>("batch") { Description = "Rows re-encrypted per transaction.", Arity = ArgumentArity.ZeroOrOne, CustomParser = PositiveInt };
        var rotateFieldKey = new Command("rotate-field-key", "A new field key, and every sealed field re-encrypted with it (resumes an interrupted run).") { batch };
        rotateFieldKey.SetAction(async (parsed, ct) => await KeysCli.RotateFieldKeyAsync(
            await context.MigratedAsync().ConfigureAwait(false), parsed.GetValue(batch), context.Output, ct).ConfigureAwait(false));
        return new Command("keys", "The key directory and the trust root.") { init, rotateIssuer, addEncryptionKey, rotateFieldKey, TrustRootInit(context), SignTrustList(context) };
    }

    private static Command TrustRootInit(TaskContext context)
    {
        var output = new Option<string>("--out") { Description = "Where the root key pair is written.", HelpName = "DIR", Required = true };
        var init = new Command("init", "A new trust root key pair (trust-root.key.pem, kept offline; trust-root.pub.pem, pinned by every verifier).") { output };
        init.SetAction(parsed => TrustRootCli.InitAsync(parsed.GetRequiredValue(output), context.Output, context.Error));
        return new Command("root", "The offline trust root (docs/trust-list.md).") { init };
    }

    private static Command SignTrustList(TaskContext context)
    {
        Option<string> Text(string name, string valueName, string description) => new(name) { HelpName = valueName, Description = description };
        var command = new Command("sign-trust-list", """
            Sign a trust list with the root key (docs/trust-list.md). --local names this API's issuer keys; each --issuer names
            another issuer's public key, and the --status, --regions, --not-before, --not-after and --label after it describe that key.
            """)
        {
            Text("--root", "KEY", "The trust root's private key."),
            Text("--out", "FILE", "The signed list."),
            Text("--version", "N", "The list's version (default: the current Unix time)."),
            new Option<bool>("--local") { Description = "This API's issuer keys (from Keys:Directory).", Arity = ArgumentArity.Zero },
            Text("--local-regions", "R,R", "The regions of the local keys (default Permits:IssuingRegion)."),
            Repeated("--revoke", "KID", "A local key to list as revoked."),
            Repeated("--issuer", "PUB.pem", "Another issuer's public key."),
            Repeated("--status", "active|retired|revoked", "The preceding --issuer's status."),
            Repeated("--regions", "R,R", "The preceding --issuer's regions (required for each)."),
            Repeated("--not-before", "YYYY-MM-DD", "The preceding --issuer's first day."),
            Repeated("--not-after", "YYYY-MM-DD", "The preceding --issuer's last day."),
            Repeated("--label", "TEXT", "The preceding --issuer's label."),
        };
        command.SetAction(async parsed => await TrustRootCli.SignAsync(
            await context.WithoutDatabaseAsync().ConfigureAwait(false), InOrder(parsed), context.Output, context.Error).ConfigureAwait(false));
        return command;
    }

    private static Command Officers(TaskContext context)
    {
        Argument<string> User() => new("user") { Description = "The officer's user name." };
        var addUser = User();
        var displayName = new Argument<string>("display-name") { Description = "The name shown on pages and in the audit." };
        var role = new Argument<string>("role") { Description = "Registrar, Supervisor or Admin." };
        var jurisdiction = new Argument<string?>("jurisdiction") { Description = "A region, subdistrict or community code, or all (the default).", Arity = ArgumentArity.ZeroOrOne };
        var add = new Command("add", "Create an officer (the first admin of a new installation); the password is read from standard input.")
        {
            addUser, displayName, role, jurisdiction,
        };
        add.SetAction(async (parsed, ct) => await OfficersCli.AddAsync(await context.MigratedAsync().ConfigureAwait(false),
            parsed.GetRequiredValue(addUser), parsed.GetRequiredValue(displayName), parsed.GetRequiredValue(role), context.Input, context.Output, ct,
            parsed.GetValue(jurisdiction)).ConfigureAwait(false));

        var officers = new Command("officers", "Officers' accounts (every change audited as system:cli; sessions it affects end).") { add };
        foreach (var (name, description) in new[]
        {
            ("disable", "Disable an officer; every session ends."),
            ("enable", "Enable an officer again."),
            ("reset-password", "Set a new password, read from standard input; every session ends."),
        })
        {
            var user = User();
            var command = new Command(name, description) { user };
            command.SetAction(async (parsed, ct) => await CredentialsCli.RunAsync(await context.MigratedAsync().ConfigureAwait(false),
                name, parsed.GetRequiredValue(user), null, context.Input, context.Output, ct).ConfigureAwait(false));
            officers.Subcommands.Add(command);
        }

        foreach (var (name, description, valueName, valueDescription) in new[]
        {
            ("set-role", "Change an officer's role; sessions with the old role end.", "role", "Registrar, Supervisor or Admin."),
            ("set-jurisdiction", "Change the register an officer handles; sessions with the old one end.", "jurisdiction", "A region, subdistrict or community code, or all."),
        })
        {
            var user = User();
            var value = new Argument<string>(valueName) { Description = valueDescription };
            var command = new Command(name, description) { user, value };
            command.SetAction(async (parsed, ct) => await CredentialsCli.RunAsync(await context.MigratedAsync().ConfigureAwait(false),
                name, parsed.GetRequiredValue(user), parsed.GetRequiredValue(value), context.Input, context.Output, ct).ConfigureAwait(false));
            officers.Subcommands.Add(command);
        }

        return officers;
    }

    private static Command Terminals(TaskContext context)
    {
        var terminal = new Argument<string>("terminal-id") { Description = "The terminal's id, as shown when it was created." };
        var revoke = new Command("revoke", "Revoke a counter terminal's key: refused by every node within 5 s.") { terminal };
        revoke.SetAction(async (parsed, ct) => await CredentialsCli.RevokeTerminalAsync(
            await context.MigratedAsync().ConfigureAwait(false), parsed.GetRequiredValue(terminal), context.Output, ct).ConfigureAwait(false));
        return new Command("terminals", "Counter terminals.") { revoke };
    }

    private static Command Import(TaskContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and write nothing.", Arity = ArgumentArity.Zero };
        var batch = new Option<int?>("--batch") { Description = "Rows per transaction, 1..50000 (default 1000).", HelpName = "N", CustomParser = BatchSize };
        var files = new Argument<string[]>("FILE")
        {
            Description = "Residents and registrations files (CSV or .xlsx), residents first whatever the order.",
            Arity = ArgumentArity.OneOrMore,
        }.RefusingUnknownOptions();
        var legacy = new Command("legacy", """
            Import a district's existing residents and registration histories (docs/legacy-import.md). Rejected rows go to
            FILE.rejects.csv. Exit 0 every file read (rows may be rejected), 1 a file cannot be read as a legacy layout.
            """)
        {
            dryRun, batch, files,
        };
        legacy.SetAction(async (parsed, ct) => await LegacyImportCli.RunAsync(await context.MigratedAsync().ConfigureAwait(false),
            parsed.GetValue(dryRun), parsed.GetValue(batch) ?? 1000, parsed.GetRequiredValue(files), context.Output, context.Error, ct).ConfigureAwait(false));
        return new Command("import", "Bring data in from other systems.") { legacy };
    }

    // Repeatable, one value each time; sign-trust-list reads them in the order given (InOrder).
    private static Option<string[]> Repeated(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    /// <summary>The options as given, in order, each with its value (null for a switch): order carries meaning for sign-trust-list.</summary>
    private static List<(string Name, string? Value)> InOrder(ParseResult parsed)
    {
        var options = new List<(string, string?)>();
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.Option)
                options.Add((token.Value, null));
            else if (token.Type == TokenType.Argument && options.Count > 0 && options[^1].Item2 is null)
                options[^1] = (options[^1].Item1, token.Value);
        }

        return options;
    }

    private static int? PositiveInt(ArgumentResult result) =>
        result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : Invalid(result, "must be a positive whole number");

    private static int? BatchSize(ArgumentResult result) =>
        PositiveInt(result) is { } n && n <= 50_000 ? n : Invalid(result, "is 1..50000");

    private static int? Invalid(ArgumentResult result, string rule)
    {
        if (!result.Errors.Any())
            result.AddError($"{(result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name} {rule}.");
        return null;
    }
}

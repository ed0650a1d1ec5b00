using System.CommandLine;
using Permit.CommandLine;

namespace Permit.CardAgent.Cli;

/// <summary>
/// permit-agent's commands and their options, declared once for System.CommandLine: it writes <c>--help</c> from
/// these descriptions and refuses what is not declared here. Each command's own rules live in its <c>*Command</c> class.
/// </summary>
internal static class AgentCommands
{
    public const string Description = """
        permit-agent: reads ID cards and writes and checks permit cards on this PC, for the permit API's pages.

        every card command takes --reader NAME (else configured, else the 1st reader for ID cards, the 2nd for permit
        cards) and --json (machine-readable output). Readers are configured in appsettings.json next to the program
        (Agent:IdReader, Agent:PermitReader) or with PERMIT_AGENT_ID_READER / PERMIT_AGENT_PERMIT_READER.

        exit codes: 0 ok, 1 not genuine, 2 usage, 3 no reader or smart-card service, 4 no card or card removed,
                    5 wrong card, 6 card refused (transport code, not blank, not active...), 7 invalid data,
                    8 permit API unreachable or failing, 9 refused by the permit API (sign-in, unknown permit, not pending)
        """;

    /// <summary>One command: its name, what help says, its options, and what it runs with them.</summary>
    public delegate Task<int> Run(CommandArguments options, CancellationToken cancellationToken);

    public static RootCommand Root(Func<string, Run> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var root = new RootCommand(Description);
        Add(root, runs, "readers", "The readers, whether a card is in each, its ATR.", Json());
        Add(root, runs, "watch", "Card and reader events as they happen (until Ctrl+C, --count N events or --timeout S seconds).",
            Value("--count", "N", "Stop after N events."), Value("--timeout", "S", "Stop after S seconds."), Reader(), Json());
        Add(root, runs, "read-id", "An ID card's fields.", Reader(), Value("--photo-out", "FILE", "Write the photo to FILE."), Json());
        Add(root, runs, "personalize", """
            Personalize a permit card. With --api URL --permit NUMBER [--token T | --user NAME]: the permit's ordered card,
            with files the permit API signs, activated and confirmed (token also from PERMIT_API_TOKEN; with --user the
            password is read from standard input); re-run to finish an interrupted run. With --data permit.json
            --issuer-key KEY.pem [--photo FILE.jpg]: write, check and activate a blank card from local files (development
            tooling: issuer keys never live on desk PCs).
            """,
            Reader(), Value("--api", "URL", "The permit API that signs and records the card."),
            Value("--permit", "NUMBER", "The permit whose card is written (with --api)."),
            Value("--token", "T", "An officer's bearer token (with --api; else PERMIT_API_TOKEN)."),
            Value("--user", "NAME", "Sign in as this officer, password on standard input (with --api)."),
            Value("--data", "permit.json", "The permit's data (local files)."), Value("--issuer-key", "KEY.pem", "The issuer's private key (local files)."),
            Value("--photo", "FILE.jpg", "The holder's photo (local files)."), Value("--transport-code", "HEX16", "The blank card's transport code."), Json());
        Add(root, runs, "read-permit", "Read a permit card and say whether it is genuine and in force (offline from the last sync unless told where the keys are).",
            Reader(), Value("--api", "URL", "Judge with the API's published trust list and current revocation list."),
            Value("--trust-list", "URL|FILE", "Judge with this signed trust list."),
            Many("--trust", "ISSUER.pub.pem", "Trust this issuer key (repeatable)."), Value("--revocation", "FILE", "Judge with this revocation list."),
            Flag("--with-photo", "Read EF.PHOTO too."), Value("--photo-out", "FILE", "Write the photo to FILE (reads it)."),
            Value("--state", "DIR", "The agent's state directory."), Value("--trust-root", "FILE", "The pinned trust root's public key."), Json());
        Add(root, runs, "sync", "Store the API's trust list and signed revocation list for offline checks.",
            Value("--api", "URL", "The permit API (else Agent:Api)."), Value("--state", "DIR", "The agent's state directory."),
            Value("--trust-root", "FILE", "The pinned trust root's public key."), Json());
        var verifyQr = Add(root, runs, "verify-qr", "Check a QR credential offline against the synchronised lists (the text as argument, '-' or nothing for standard input, or --image FILE).",
            Value("--image", "FILE", "Read the code from a picture."), Value("--state", "DIR", "The agent's state directory."),
            Value("--trust-root", "FILE", "The pinned trust root's public key."), Json());
        verifyQr.Arguments.Add(new Argument<string>(VerifyQrCommand.TextArgument)
        {
            Description = "The QR text (RP1:…), or - for standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        }.RefusingUnknownOptions());
        Add(root, runs, "pair", """
            Pair this PC's agent with the permit API (the password, or the counter terminal's API key, on standard input);
            https:// unless the API is on loopback.
            """,
            Value("--api", "URL", "The permit API."), Value("--user", "NAME", "Pair as this officer (password on standard input)."),
            Flag("--terminal", "Pair as the counter terminal (its API key on standard input)."),
            Value("--name", "LABEL", "This PC's name at the API (else the machine name)."), Value("--state", "DIR", "The agent's state directory."), Json());
        Add(root, runs, "serve", """
            The loopback HTTP service for the web pages (127.0.0.1 only; every route but /health needs an allowed Origin and a
            ticket from the paired API); with an API it re-synchronises the offline lists every Agent:SyncMinutes (15).
            """,
            Value("--port", "P", "The loopback port (else Agent:Port)."), Value("--id-reader", "NAME", "The ID-card reader."),
            Value("--permit-reader", "NAME", "The permit-card reader."), Value("--api", "URL", "The permit API (else Agent:Api)."),
            Value("--state", "DIR", "The agent's state directory."),
            Flag(ServeCommand.DevLocalIssuerKeyFlag, "Allow a local issuer key (Agent:IssuerKeyFile): development machines only."),
            Flag("--simulated", "SIMULATED in-process readers (no pcscd), switched from the panel at /simulated; Development only unless --allow-simulated."),
            Flag("--allow-simulated", "Run --simulated outside Development, on purpose."),
            Value("--simulated-cards", "DIR", "Where the simulated readers keep written cards."), Json());
        return root;
    }

    private static Command Add(RootCommand root, Func<string, Run> runs, string name, string description, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
            command.Options.Add(option);
        var run = runs(name);
        command.SetAction((parsed, cancellationToken) => run(new CommandArguments(name, parsed), cancellationToken));
        root.Subcommands.Add(command);
        return command;
    }

    private static Option<string> Value(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description };

    private static Option<string[]> Many(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    // A switch takes no value: "--json false" would otherwise read as a value and silently mean the opposite.
    private static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    private static Option<string> Reader() => Value("--reader", "NAME", "The reader to use (else configured).");

    private static Option<bool> Json() => Flag("--json", "Machine-readable output.");
}

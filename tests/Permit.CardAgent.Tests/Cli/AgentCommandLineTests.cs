using Permit.CardAgent.Logging;

namespace Permit.CardAgent.Tests.Cli;

/// <summary>permit-agent's command line as an officer or a script meets it: help, usage errors and their exit code.</summary>
public sealed class AgentCommandLineTests
{
    private static readonly string[] Commands = ["readers", "watch", "read-id", "personalize", "read-permit", "sync", "verify-qr", "pair", "serve"];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_every_command_and_the_exit_codes_and_exits_0(string help)
    {
        var run = await Agent.RunAsync(new InProcessTerminals(), help);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var command in Commands)
            Assert.Matches($@"(?m)^\s+{command}\s", run.Output);
        Assert.Contains("exit codes: 0 ok, 1 not genuine, 2 usage", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("read-id", new[] { "--reader <NAME>", "--photo-out <FILE>", "--json" })]
    [InlineData("read-permit", new[] { "--api <URL>", "--trust-list <URL|FILE>", "--trust <ISSUER.pub.pem>", "--with-photo", "--state <DIR>" })]
    [InlineData("personalize", new[] { "--api <URL>", "--permit <NUMBER>", "--token <T>", "--user <NAME>", "--data <permit.json>", "--issuer-key <KEY.pem>", "--transport-code <HEX16>" })]
    [InlineData("pair", new[] { "--api <URL>", "--user <NAME>", "--terminal", "--name <LABEL>" })]
    [InlineData("serve", new[] { "--port <P>", "--dev-local-issuer-key", "--simulated", "--allow-simulated", "--simulated-cards <DIR>" })]
    [InlineData("verify-qr", new[] { "<TEXT>", "--image <FILE>" })]
    public async Task Help_on_a_command_lists_its_options(string command, string[] options)
    {
        var run = await Agent.RunAsync(new InProcessTerminals(), command, "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var option in options)
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_is_a_usage_error_on_standard_error()
    {
        var run = await Agent.RunAsync(new InProcessTerminals());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("permit-agent --help", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_naming_it()
    {
        var run = await Agent.RunAsync(new InProcessTerminals(), "read-passport");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'read-passport'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read-id", "--force")]
    [InlineData("read-permit", "--trust-everything")]
    [InlineData("readers", "--reader")]
    [InlineData("verify-qr", "--trust-anything")]
    public async Task An_unknown_option_is_a_usage_error_in_json_too_and_the_card_is_not_touched(string command, string option)
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        var terminals = new InProcessTerminals(idReader: reader, permitReader: reader);

        var run = await Agent.RunAsync(terminals, command, option, "x", "--json");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal("usage", error.GetProperty("code").GetString());
        Assert.Contains($"'{option}'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains($"permit-agent {command} --help", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    [Theory]
    [InlineData("read-id", "--reader", "A", "--reader", "B")]
    [InlineData("watch", "--count")]
    [InlineData("watch", "--count=many")]
    [InlineData("serve", "--port", "0")]
    [InlineData("readers", "--json", "false")]
    public async Task A_missing_repeated_or_bad_value_is_a_usage_error(params string[] args)
    {
        var run = await Agent.RunAsync(new InProcessTerminals(), args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("permit-agent: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_may_be_written_with_an_equals_sign()
    {
        var run = await Agent.RunAsync(new InProcessTerminals(), "read-id", "--reader=No Such Reader", "--json");

        Assert.Equal(ExitCodes.NoReader, run.ExitCode);
        Assert.Contains("No Such Reader", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_command_line_is_logged_without_the_values_typed()
    {
        var directory = Directory.CreateTempSubdirectory("permit-agent-cli-logs-");
        try
        {
            AgentRun run;
            using (var log = AgentLogging.Open(directory.FullName))
                run = await Agent.RunAsync(Agent.Host(new InProcessTerminals()) with { Log = log }, "personalize", "--tokn", "SECRET-OFFICER-TOKEN");

            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("'--tokn'", run.Error, StringComparison.Ordinal);
            var written = File.ReadAllText(Directory.GetFiles(directory.FullName, "permit-agent-*.log").Single());
            Assert.Contains("the command line was refused", written, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-OFFICER-TOKEN", written, StringComparison.Ordinal);
            Assert.DoesNotContain("--tokn", written, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

using Permit.HardwareSim.Cli;

namespace Permit.HardwareSim.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Theory]
    [InlineData(new string[0], "missing the card kind")]
    [InlineData(new[] { "passport", "--port", "1" }, "Unrecognized command or argument 'passport'")]
    [InlineData(new[] { "permit", "--card", "x.json" }, "Option '--port' is required")]
    [InlineData(new[] { "permit", "--port", "0", "--card", "x.json" }, "--port must be a TCP port")]
    [InlineData(new[] { "permit", "--port", "35963" }, "Option '--card' is required")]
    [InlineData(new[] { "permit", "--port", "35963", "--card", "x.json", "--transport-code", "1234" }, "--transport-code must be 16 hex digits")]
    [InlineData(new[] { "permit", "--port", "35963", "--card", "x.json", "--serial", "ZZ02030405060708" }, "--serial must be 16 hex digits")]
    [InlineData(new[] { "permit", "--port", "35963", "--card", "x.json", "--photo", "p.jpg" }, "Unrecognized command or argument '--photo'")]
    [InlineData(new[] { "permit", "--port", "35963", "--card" }, "Required argument missing for option: '--card'")]
    [InlineData(new[] { "id", "--port", "35963" }, "Option '--data' is required")]
    [InlineData(new[] { "id", "--port", "35963", "--data", "a.json", "--control-port", "70000" }, "--control-port must be a TCP port")]
    public async Task Bad_arguments_exit_with_code_2_and_say_what_is_wrong(string[] args, string reason)
    {
        var exit = await SimCommandLine.RunAsync(args, _output, _error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains(reason, _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transport_code_given_on_the_command_line_is_never_echoed_in_the_error()
    {
        await SimCommandLine.RunAsync(["permit", "--port", "1", "--card", "x", "--transport-code", "SECRETCODE"], _output, _error, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("SECRETCODE", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_file_that_is_not_a_card_exits_with_code_2()
    {
        File.WriteAllText(_folder.CardFile, "{ not a card");
        var exit = await SimCommandLine.RunAsync(["permit", "--port", "35963", "--card", _folder.CardFile], _output, _error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("is not a permit card file", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_file_in_a_missing_directory_exits_with_code_2()
    {
        var exit = await SimCommandLine.RunAsync(["permit", "--port", "35963", "--card", _folder.File("no/such/dir/card.json")], _output, _error, TestContext.Current.CancellationToken);
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task A_missing_ID_data_file_exits_with_code_2()
    {
        var exit = await SimCommandLine.RunAsync(["id", "--port", "35963", "--data", _folder.File("missing.json")], _output, _error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("missing.json", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_both_card_kinds_and_exits_0()
    {
        Assert.Equal(0, await SimCommandLine.RunAsync(["--help"], _output, _error, TestContext.Current.CancellationToken));

        var help = _output.ToString();
        Assert.Matches(@"(?m)^\s+permit\s", help);
        Assert.Matches(@"(?m)^\s+id\s", help);
        Assert.Contains("Exit codes", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("permit", new[] { "--port <P>", "--card <FILE>", "--transport-code <HEX16>", "--serial <HEX16>", "--control-port <P>" })]
    [InlineData("id", new[] { "--port <P>", "--data <FILE.json>", "--photo <FILE>", "--fingerprint <FILE>", "--control-port <P>" })]
    public async Task Help_on_a_card_kind_lists_its_options_and_exits_0(string kind, string[] options)
    {
        Assert.Equal(0, await SimCommandLine.RunAsync([kind, "--help"], _output, _error, TestContext.Current.CancellationToken));

        foreach (var option in options)
            Assert.Contains(option, _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task An_option_given_twice_is_refused_with_code_2()
    {
        var exit = await SimCommandLine.RunAsync(["permit", "--port", "35963", "--port", "35964", "--card", "x.json"], _output, _error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains("--port", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _folder.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}

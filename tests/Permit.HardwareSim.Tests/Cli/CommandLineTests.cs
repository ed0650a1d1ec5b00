using Permit.HardwareSim.Cli;
using Permit.HardwareSim.Tests.Support;

namespace Permit.HardwareSim.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Theory]
    [InlineData(new string[0], "missing the card kind")]
    [InlineData(new[] { "passport", "--port", "1" }, "unknown card kind")]
    [InlineData(new[] { "permit", "--card", "x.json" }, "--port P is required")]
    [InlineData(new[] { "permit", "--port", "0", "--card", "x.json" }, "--port must be a TCP port")]
    [InlineData(new[] { "permit", "--port", "35963" }, "--card FILE is required")]
    [InlineData(new[] { "permit", "--port", "35963", "--card", "x.json", "--transport-code", "1234" }, "--transport-code must be 16 hex digits")]
    [InlineData(new[] { "permit", "--port", "35963", "--card", "x.json", "--serial", "ZZ02030405060708" }, "--serial must be 16 hex digits")]
    [InlineData(new[] { "permit", "--port", "35963", "--card", "x.json", "--photo", "p.jpg" }, "unknown option '--photo'")]
    [InlineData(new[] { "permit", "--port", "35963", "--card" }, "--card needs a value")]
    [InlineData(new[] { "id", "--port", "35963" }, "--data FILE.json is required")]
    [InlineData(new[] { "id", "--port", "35963", "--data", "a.json", "--control-port", "70000" }, "--control-port must be a TCP port")]
    public async Task Bad_arguments_exit_with_code_2_and_say_what_is_wrong(string[] args, string reason)
    {
        var exit = await SimCommandLine.RunAsync(args, _output, _error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exit);
        Assert.Contains(reason, _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", _error.ToString(), StringComparison.Ordinal);
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
    public async Task Help_prints_the_usage_and_exits_0()
    {
        Assert.Equal(0, await SimCommandLine.RunAsync(["--help"], _output, _error, TestContext.Current.CancellationToken));
        Assert.Contains("permit-sim permit --port P --card FILE", _output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _folder.Dispose();
        _output.Dispose();
        _error.Dispose();
    }
}

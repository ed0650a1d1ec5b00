namespace Permit.CardAgent.Tests.Personalization;

public sealed class PersonalizeCommandTests : IDisposable
{
    private readonly TestIssuer _issuer = new();

    [Fact]
    public async Task A_blank_card_is_personalized_and_then_reads_back_genuine_with_both_signatures_passing()
    {
        var card = BlankCard();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(card));

        var personalized = await PersonalizeAsync(terminals);
        var read = await ReadAsync(terminals, "--with-photo");

        Assert.True(personalized.ExitCode == ExitCodes.Ok, personalized.ToString());
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        Assert.True(read.ExitCode == ExitCodes.Ok, read.ToString());
        var json = read.Json;
        Assert.True(json.GetProperty("genuine").GetBoolean());
        Assert.Equal("passed", Check(json, "issuer-signature"));
        Assert.Equal("passed", Check(json, "file-hashes"));
        Assert.Equal("passed", Check(json, "chip-signature"));
        Assert.Equal(TestIssuer.SamplePermit.PermitNumber, json.GetProperty("permit").GetProperty("permitNumber").GetString());
        Assert.Equal("李小龙", json.GetProperty("permit").GetProperty("name").GetString());
        Assert.Equal("19900508", json.GetProperty("permit").GetProperty("birthDate").GetString());
    }

    [Fact]
    public async Task Pulling_the_card_at_any_APDU_of_personalization_never_leaves_it_active_and_a_retry_succeeds()
    {
        var probe = new InProcessTerminals(permitReader: new InProcessReader(BlankCard()));
        var full = await PersonalizeAsync(probe, "--json");
        var apdus = full.Json.GetProperty("figures").GetProperty("apdus").GetInt32();
        Assert.True(apdus > 10, full.ToString());

        for (var position = 1; position <= apdus; position++)
        {
            var card = BlankCard();
            var reader = new InProcessReader(card);
            var terminals = new InProcessTerminals(permitReader: reader);
            reader.Faults.DropConnectionAt(position);

            var interrupted = await PersonalizeAsync(terminals);

            Assert.True(interrupted.ExitCode == ExitCodes.NoCard, $"APDU {position}: {interrupted}");
            Assert.Equal(CardLifeCycle.Blank, card.LifeCycle);
            reader.Insert();
            var retried = await PersonalizeAsync(terminals);
            Assert.True(retried.ExitCode == ExitCodes.Ok, $"retry after APDU {position}: {retried}");
            var read = await ReadAsync(terminals, "--with-photo");
            Assert.True(read.ExitCode == ExitCodes.Ok, $"read after APDU {position}: {read}");
        }
    }

    [Fact]
    public async Task A_card_that_is_already_active_is_refused_as_not_blank()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(BlankCard()));
        await PersonalizeAsync(terminals);

        var again = await PersonalizeAsync(terminals, "--json");

        Assert.Equal(ExitCodes.CardRefused, again.ExitCode);
        Assert.Equal("card-not-blank", again.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_wrong_transport_code_says_how_many_tries_are_left_and_never_echoes_the_code()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(BlankCard()));

        var refused = await PersonalizeAsync(terminals, "--transport-code", "0011223344556677");

        Assert.Equal(ExitCodes.CardRefused, refused.ExitCode);
        Assert.Contains("2 tries left", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("0011223344556677", refused.Output + refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_transport_code_is_a_refusal_with_its_own_code()
    {
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(BlankCard()));
        for (var i = 0; i < 3; i++)
            await PersonalizeAsync(terminals, "--transport-code", "0011223344556677");

        var blocked = await PersonalizeAsync(terminals, "--json");

        Assert.Equal(ExitCodes.CardRefused, blocked.ExitCode);
        Assert.Equal("transport-code-blocked", blocked.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invalid_permit_data_is_refused_before_the_card_is_touched()
    {
        var reader = new InProcessReader(BlankCard());
        var terminals = new InProcessTerminals(permitReader: reader);
        File.WriteAllText(_issuer.PermitJsonPath, File.ReadAllText(_issuer.PermitJsonPath).Replace("\"sex\": \"1\"", "\"sex\": \"9\"", StringComparison.Ordinal));

        var refused = await PersonalizeAsync(terminals);

        Assert.Equal(ExitCodes.DataInvalid, refused.ExitCode);
        Assert.Contains("sex", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    [Fact]
    public async Task An_empty_permit_reader_is_reported_as_no_card()
    {
        var terminals = new InProcessTerminals();

        var run = await PersonalizeAsync(terminals);

        Assert.Equal(ExitCodes.NoCard, run.ExitCode);
    }

    public void Dispose() => _issuer.Dispose();

    internal static PermitCard BlankCard() => PermitCard.CreateBlank(PermitCard.NewSerial(), PermitCard.DefaultTransportCode.Span);

    internal static string Check(System.Text.Json.JsonElement json, string name) =>
        json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == name).GetProperty("outcome").GetString()!;

    private Task<AgentRun> PersonalizeAsync(InProcessTerminals terminals, params string[] extra) =>
        Agent.RunAsync(terminals, ["personalize", "--data", _issuer.PermitJsonPath, "--photo", _issuer.PhotoPath, "--issuer-key", _issuer.PrivateKeyPath, .. extra]);

    private Task<AgentRun> ReadAsync(InProcessTerminals terminals, params string[] extra) =>
        Agent.RunAsync(terminals, ["read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath, "--json", .. extra]);
}

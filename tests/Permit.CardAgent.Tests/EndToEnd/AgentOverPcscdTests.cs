using Permit.CardAgent.Tests.Cards;
using Permit.CardAgent.Terminals;
using Permit.HardwareSim.IdCards;

namespace Permit.CardAgent.Tests.EndToEnd;

/// <summary>permit-agent's commands through the real pcscd, with emulated cards plugged into vpcd.</summary>
[Collection(PrivatePcscd.Name)]
public sealed class AgentOverPcscdTests(PcscRigFixture fixture) : IDisposable
{
    private readonly TestIssuer _issuer = new();
    private readonly PcscTerminals _terminals = new();

    [Fact]
    public async Task An_id_card_is_read_through_pcscd_with_the_fields_of_its_data_file()
    {
        var rig = fixture.Rig;
        var data = _issuer.PathOf("id.json");
        File.WriteAllText(data, """
            { "name": "王小明", "sex": "2", "ethnicGroup": "03", "birthDate": "19850214",
              "address": "浙江省宁波市镇海区招宝山街道车站路5号", "idNumber": "33021119850214002X",
              "issuingAuthority": "宁波市公安局镇海分局", "validFrom": "20150301", "validTo": "20350301" }
            """);
        await using var slot = await CardInSlot.InsertAsync(IdCard.FromFiles(data, _issuer.PhotoPath), rig.VpcdPort(0), rig.ReaderName(0));

        var run = await Agent.RunAsync(_terminals, "read-id", "--json", "--reader", rig.ReaderName(0));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var card = run.Json.GetProperty("card");
        Assert.Equal("王小明", card.GetProperty("name").GetString());
        Assert.Equal("2", card.GetProperty("sex").GetString());
        Assert.Equal("03", card.GetProperty("ethnicGroup").GetString());
        Assert.Equal("19850214", card.GetProperty("birthDate").GetString());
        Assert.Equal("浙江省宁波市镇海区招宝山街道车站路5号", card.GetProperty("address").GetString());
        Assert.Equal("33021119850214002X", card.GetProperty("idNumber").GetString());
        Assert.Equal("宁波市公安局镇海分局", card.GetProperty("issuingAuthority").GetString());
        Assert.Equal("20150301", card.GetProperty("validFrom").GetString());
        Assert.Equal("20350301", card.GetProperty("validTo").GetString());
        Assert.Equal("resident", card.GetProperty("cardType").GetString());
        Assert.Equal("jpeg", card.GetProperty("photoFormat").GetString());
    }

    [Fact]
    public async Task A_blank_card_is_personalized_through_pcscd_and_reads_back_genuine()
    {
        var rig = fixture.Rig;
        var card = PersonalizeCommandTests.BlankCard();
        await using var slot = await CardInSlot.InsertAsync(card, rig.VpcdPort(1), rig.ReaderName(1));

        var personalized = await PersonalizeAsync(rig);
        var read = await Agent.RunAsync(_terminals, "read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath, "--json", "--reader", rig.ReaderName(1));

        Assert.True(personalized.ExitCode == ExitCodes.Ok, personalized.ToString());
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        Assert.True(read.ExitCode == ExitCodes.Ok, read.ToString());
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "issuer-signature"));
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "chip-signature"));
        Assert.InRange(read.Json.GetProperty("figures").GetProperty("apdus").GetInt32(), 1, 10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(-1)]
    public async Task A_card_pulled_during_personalization_through_pcscd_stays_unactivated_and_a_retry_succeeds(int position)
    {
        var rig = fixture.Rig;
        var total = await CountPersonalizationApdusAsync();
        // A fresh daemon before and after: see the note at the re-insertion below.
        await rig.RestartAsync(TestContext.Current.CancellationToken);
        try
        {
            var card = PersonalizeCommandTests.BlankCard();
            await using var slot = await CardInSlot.InsertAsync(card, rig.VpcdPort(1), rig.ReaderName(1));
            slot.Connector.Faults.DropConnectionAt(position > 0 ? position : total);

            var interrupted = await PersonalizeAsync(rig);

            Assert.True(interrupted.ExitCode == ExitCodes.NoCard, interrupted.ToString());
            Assert.NotEqual(CardLifeCycle.Active, card.LifeCycle);
            // After a vpcd client vanished mid-APDU this pcscd + vpcd never again reported a card in that slot
            // (vpcd powered the re-inserted card on, pcscd kept saying "empty"); a real reader does not do this.
            // Restarting the daemon stands in for "the slot works again" so the retry itself is what is tested.
            await rig.RestartAsync(TestContext.Current.CancellationToken);
            await slot.ReinsertAsync();
            Assert.Equal(CardLifeCycle.Blank, card.LifeCycle); // powered on again: the verified transport code is gone
            var retried = await PersonalizeAsync(rig);
            Assert.True(retried.ExitCode == ExitCodes.Ok, retried.ToString());
            Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        }
        finally
        {
            await rig.RestartAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task An_id_card_in_the_permit_reader_is_refused_as_not_a_permit_card()
    {
        var rig = fixture.Rig;
        await using var slot = await CardInSlot.InsertAsync(IdCardSessionTests.SampleIdCard(), rig.VpcdPort(1), rig.ReaderName(1));

        var run = await Agent.RunAsync(_terminals, "read-permit", "--trust", _issuer.PublicKeyPath, "--revocation", _issuer.RevocationPath, "--reader", rig.ReaderName(1));

        Assert.Equal(ExitCodes.WrongCard, run.ExitCode);
        Assert.Contains("not a permit card", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_reader_is_reported_as_no_card_and_an_unknown_reader_as_no_reader()
    {
        var rig = fixture.Rig;

        var empty = await Agent.RunAsync(_terminals, "read-id", "--reader", rig.ReaderName(0));
        var unknown = await Agent.RunAsync(_terminals, "read-id", "--reader", "No Such Reader 99");

        Assert.Equal(ExitCodes.NoCard, empty.ExitCode);
        Assert.Equal(ExitCodes.NoReader, unknown.ExitCode);
        Assert.Contains("Virtual PCD 00 00", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_lists_both_vpcd_readers_and_the_card_in_one_of_them()
    {
        var rig = fixture.Rig;
        await using var slot = await CardInSlot.InsertAsync(PersonalizeCommandTests.BlankCard(), rig.VpcdPort(1), rig.ReaderName(1));

        var run = await Agent.RunAsync(_terminals, "readers", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var readers = run.Json.GetProperty("readers").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.False(readers[rig.ReaderName(0)].GetProperty("cardPresent").GetBoolean());
        Assert.True(readers[rig.ReaderName(1)].GetProperty("cardPresent").GetBoolean());
        Assert.Equal(Convert.ToHexString(slot.Card.Atr.Span), readers[rig.ReaderName(1)].GetProperty("atr").GetString());
    }

    [Fact]
    public async Task Watch_survives_a_pcscd_restart_reporting_the_readers_gone_and_back()
    {
        var rig = fixture.Rig;
        var ct = TestContext.Current.CancellationToken;
        using var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var host = new AgentHost(_terminals, new AgentSettings(), TimeProvider.System) { MonitorRecoveryDelay = TimeSpan.FromMilliseconds(200) };
        var watching = AgentCommandLine.RunAsync(["watch", "--json", "--timeout", "120"], synchronized, TextWriter.Null, host, stop.Token);

        await WaitForLinesAsync(output, lines => lines.Count(l => l.Contains("\"reader-attached\"", StringComparison.Ordinal)) >= 2);
        await rig.RestartAsync(ct);
        await WaitForLinesAsync(output, lines =>
            lines.Count(l => l.Contains("\"reader-detached\"", StringComparison.Ordinal)) >= 2
            && lines.Count(l => l.Contains("\"reader-attached\"", StringComparison.Ordinal) && l.Contains("\"initial\":false", StringComparison.Ordinal)) >= 2);
        await stop.CancelAsync();

        Assert.Equal(ExitCodes.Ok, await watching);
        var text = output.ToString();
        Assert.Contains(rig.ReaderName(0), text, StringComparison.Ordinal);
        Assert.Contains(rig.ReaderName(1), text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _terminals.Dispose();
        _issuer.Dispose();
    }

    private static async Task WaitForLinesAsync(StringWriter output, Func<string[], bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!done(output.ToString().Split('\n')))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"watch did not report the expected events; it printed:\n{output}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private Task<AgentRun> PersonalizeAsync(PcscRig rig) => Agent.RunAsync(_terminals,
        "personalize", "--data", _issuer.PermitJsonPath, "--photo", _issuer.PhotoPath, "--issuer-key", _issuer.PrivateKeyPath,
        "--reader", rig.ReaderName(1));

    /// <summary>The length of the whole sequence, from an undisturbed run on an in-process card.</summary>
    private async Task<int> CountPersonalizationApdusAsync()
    {
        var probe = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        var run = await Agent.RunAsync(probe,
            "personalize", "--data", _issuer.PermitJsonPath, "--photo", _issuer.PhotoPath, "--issuer-key", _issuer.PrivateKeyPath, "--json");
        return run.Json.GetProperty("figures").GetProperty("apdus").GetInt32();
    }
}

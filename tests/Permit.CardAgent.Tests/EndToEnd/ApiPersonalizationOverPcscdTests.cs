using Permit.CardAgent.Terminals;

namespace Permit.CardAgent.Tests.EndToEnd;

/// <summary>
/// Issue #4's end-to-end acceptance: the permit API runs for real on a loopback port (SQLite), the test issues a permit
/// through HTTP, <c>permit-agent personalize --api</c> writes an emulated card through the private pcscd (vpcd slot 1),
/// and <c>permit-agent read-permit --api</c> verifies it against the API's published trust list.
/// </summary>
[Collection(PrivatePcscd.Name)]
public sealed class ApiPersonalizationOverPcscdTests(PcscRigFixture fixture, AgentApi api) : IClassFixture<AgentApi>, IDisposable
{
    private readonly PcscTerminals _terminals = new();

    [Fact]
    public async Task The_api_issues_a_permit_the_agent_writes_its_card_through_pcscd_and_the_card_verifies_against_the_published_trust_list()
    {
        var rig = fixture.Rig;
        var permit = await api.IssuePendingPermitAsync();
        var card = PersonalizeCommandTests.BlankCard();
        await using var slot = await CardInSlot.InsertAsync(card, rig.VpcdPort(1), rig.ReaderName(1));

        var personalized = await PersonalizeAsync(rig, permit);
        var read = await Agent.RunAsync(Agent.Host(_terminals) with { Time = api.Time }, "read-permit", "--api", api.BaseAddress.AbsoluteUri, "--trust-root", api.TrustRootFile(), "--json", "--reader", rig.ReaderName(1));

        Assert.True(personalized.ExitCode == ExitCodes.Ok, personalized.ToString());
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        Assert.Equal("Active", await StatusAsync(permit));
        Assert.True(read.ExitCode == ExitCodes.Ok, read.ToString());
        Assert.True(read.Json.GetProperty("genuine").GetBoolean(), read.ToString());
        Assert.Equal(permit, read.Json.GetProperty("permit").GetProperty("permitNumber").GetString());
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "issuer-signature"));
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "chip-signature"));
    }

    [Theory]
    [InlineData(4)]   // GENERATE KEY PAIR: nothing reached the API yet
    [InlineData(7)]   // writing the files: the API has already issued files for this chip
    [InlineData(-1)]  // ACTIVATE itself, the last APDU but the confirmation's INTERNAL AUTHENTICATE
    public async Task A_card_pulled_during_personalization_through_pcscd_leaves_the_permit_pending_card_and_a_retry_completes_it(int position)
    {
        var rig = fixture.Rig;
        var total = await CountApduAsync();
        var permit = await api.IssuePendingPermitAsync();
        // A fresh daemon before and after: pcscd 1.9.9 + vpcd never report a card again in a slot whose emulator vanished
        // mid-APDU (see AgentOverPcscdTests); the restart stands in for "the slot works again".
        await rig.RestartAsync(TestContext.Current.CancellationToken);
        try
        {
            var card = PersonalizeCommandTests.BlankCard();
            await using var slot = await CardInSlot.InsertAsync(card, rig.VpcdPort(1), rig.ReaderName(1));
            slot.Connector.Faults.DropConnectionAt(position > 0 ? position : total - 1);

            var interrupted = await PersonalizeAsync(rig, permit);

            Assert.True(interrupted.ExitCode == ExitCodes.NoCard, interrupted.ToString());
            Assert.NotEqual(CardLifeCycle.Active, card.LifeCycle);
            Assert.Equal("PendingCard", await StatusAsync(permit));
            await rig.RestartAsync(TestContext.Current.CancellationToken);
            await slot.ReinsertAsync();
            var retried = await PersonalizeAsync(rig, permit);
            if (position != 4)
            {
                // The API bound the card's first key; pulled before ACTIVATE, the card makes a new one: the officer
                // abandons the first chip, as the agent says, and runs it again.
                Assert.True(retried.ExitCode == ExitCodes.ApiRefused, retried.ToString());
                Assert.Contains("Abandon the earlier chip", retried.ToString(), StringComparison.Ordinal);
                await api.AbandonChipAsync(permit);
                retried = await PersonalizeAsync(rig, permit);
            }

            Assert.True(retried.ExitCode == ExitCodes.Ok, retried.ToString());
            Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
            Assert.Equal("Active", await StatusAsync(permit));
            var read = await Agent.RunAsync(Agent.Host(_terminals) with { Time = api.Time }, "read-permit", "--api", api.BaseAddress.AbsoluteUri, "--trust-root", api.TrustRootFile(), "--json", "--reader", rig.ReaderName(1));
            Assert.True(read.ExitCode == ExitCodes.Ok, read.ToString());
        }
        finally
        {
            await rig.RestartAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_lost_confirmation_through_pcscd_is_recovered_by_presenting_the_active_card_again()
    {
        var rig = fixture.Rig;
        var permit = await api.IssuePendingPermitAsync();
        var card = PersonalizeCommandTests.BlankCard();
        await using var slot = await CardInSlot.InsertAsync(card, rig.VpcdPort(1), rig.ReaderName(1));
        using var losing = new LosingHandler(LosingHandler.Loss.Request);
        var lossy = Agent.Host(_terminals) with { ApiClients = url => new HttpClient(losing, disposeHandler: false) { BaseAddress = url } };

        var lost = await Agent.RunAsync(lossy,
            "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", api.OfficerToken(), "--reader", rig.ReaderName(1));
        var pendingAfterLoss = await StatusAsync(permit);
        var recovered = await PersonalizeAsync(rig, permit, "--json");

        Assert.Equal(ExitCodes.ApiUnavailable, lost.ExitCode);
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        Assert.Equal("PendingCard", pendingAfterLoss);
        Assert.True(recovered.ExitCode == ExitCodes.Ok, recovered.ToString());
        Assert.True(recovered.Json.GetProperty("recovered").GetBoolean());
        Assert.Equal("Active", await StatusAsync(permit));
    }

    public void Dispose() => _terminals.Dispose();

    private Task<AgentRun> PersonalizeAsync(PcscRig rig, string permit, params string[] extra) => Agent.RunAsync(_terminals,
        ["personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", api.OfficerToken(), "--reader", rig.ReaderName(1), .. extra]);

    private async Task<string?> StatusAsync(string permit) => (await api.GetPermitAsync(permit)).GetProperty("status").GetString();

    /// <summary>The APDUs of an undisturbed API-backed run, on an in-process card.</summary>
    private async Task<int> CountApduAsync()
    {
        var probe = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        var run = await Agent.RunAsync(probe,
            "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", await api.IssuePendingPermitAsync(), "--token", api.OfficerToken(), "--json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return run.Json.GetProperty("figures").GetProperty("apdus").GetInt32();
    }
}

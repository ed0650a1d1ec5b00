using Permit.HardwareSim.Testing;
using Permit.TestRig;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.EndToEnd;

/// <summary>
/// permit-sim plugged into a private pcscd through vpcd, checked with tools we did not write (pcsc-tools).
/// One class, so the tests take turns on slot 0.
/// </summary>
public sealed class PcscEndToEndTests(SharedPcscRig shared) : IDisposable
{
    private const int Slot = 0;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task scriptor_talks_to_a_blank_emulated_card_through_pcscd()
    {
        var rig = await shared.GetAsync(_ct);
        Requirements.Require(Requirements.FindOnPath("scriptor") is null ? "scriptor (apt-get install pcsc-tools)" : null);
        await using var sim = await PermitSimProcess.StartPermitCardAsync(rig.VpcdPort(Slot), _folder.CardFile, serialHex: "0102030405060708", cancellationToken: _ct);

        var script = string.Join('\n', SelectApplication, GetSerial, SelectPermitFile, ReadFromStart, VerifyWrongCode) + "\n";
        var output = await RunScriptorAsync(rig, script);

        Assert.Contains("> 00 A4 04 00 08 F0 50 45 52 4D 49 54 01 00\n< 90 00", output, StringComparison.Ordinal);
        Assert.Contains("> 00 CA 01 01 00\n< 01 02 03 04 05 06 07 08 90 00", output, StringComparison.Ordinal);
        Assert.Contains("> 00 B0 00 00 00\n< 69 82", output, StringComparison.Ordinal);
        Assert.Contains("> 00 20 00 01 08 30 30 30 30 30 30 30 30\n< 63 C2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task pcsc_scan_sees_the_emulated_card_with_its_ATR()
    {
        var rig = await shared.GetAsync(_ct);
        await using var sim = await PermitSimProcess.StartPermitCardAsync(rig.VpcdPort(Slot), _folder.CardFile, cancellationToken: _ct);

        var output = await PollPcscScanAsync(rig, output => output.Contains("3B 95 13 81 01 80 73 FF 01 40 4B", StringComparison.Ordinal));

        Assert.Contains("3B 95 13 81 01 80 73 FF 01 40 4B", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_and_inserting_through_the_control_port_is_seen_by_pcsc_scan()
    {
        var rig = await shared.GetAsync(_ct);
        await using var sim = await PermitSimProcess.StartPermitCardAsync(rig.VpcdPort(Slot), _folder.CardFile, cancellationToken: _ct);

        await sim.Control.RemoveAsync(_ct);
        var removed = await PollPcscScanAsync(rig, output => !output.Contains("3B 95 13 81", StringComparison.Ordinal));

        await sim.Control.InsertAsync(_ct);
        await sim.WaitForInsertionAsync(2, _ct);
        var inserted = await PollPcscScanAsync(rig, output => output.Contains("3B 95 13 81", StringComparison.Ordinal));

        Assert.DoesNotContain("3B 95 13 81", removed, StringComparison.Ordinal);
        Assert.Contains("3B 95 13 81", inserted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_pulled_out_by_a_drop_fault_mid_exchange_fails_scriptor_and_comes_back_on_insert()
    {
        var rig = await shared.GetAsync(_ct);
        Requirements.Require(Requirements.FindOnPath("scriptor") is null ? "scriptor (apt-get install pcsc-tools)" : null);
        await using var sim = await PermitSimProcess.StartPermitCardAsync(rig.VpcdPort(Slot), _folder.CardFile, cancellationToken: _ct);
        await sim.Control.DropConnectionAtAsync(2, _ct);

        var output = await RunScriptorAsync(rig, SelectApplication + "\n" + GetSerial + "\n");

        Assert.Contains("> 00 A4 04 00 08 F0 50 45 52 4D 49 54 01 00\n< 90 00", output, StringComparison.Ordinal);
        // scriptor prints an empty response when SCardTransmit fails: the card left during the exchange.
        Assert.Contains("> 00 CA 01 01 00\n<  :", output, StringComparison.Ordinal);
        Assert.False((await sim.Control.GetStatusAsync(_ct)).Inserted);

        await sim.Control.InsertAsync(_ct);
        await sim.WaitForInsertionAsync(2, _ct);
        var again = await RunScriptorAsync(rig, GetSerial + "\n");
        Assert.Contains("> 00 CA 01 01 00\n< ", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_pcscd_restarts_permit_sim_plugs_the_card_in_again()
    {
        var rig = await shared.GetAsync(_ct);
        await using var sim = await PermitSimProcess.StartPermitCardAsync(rig.VpcdPort(Slot), _folder.CardFile, cancellationToken: _ct);

        await rig.RestartAsync(_ct);
        await sim.WaitForInsertionAsync(2, _ct);
        var output = await PollPcscScanAsync(rig, o => o.Contains("3B 95 13 81", StringComparison.Ordinal));

        Assert.Contains("3B 95 13 81 01 80 73 FF 01 40 4B", output, StringComparison.Ordinal);
        Assert.Contains("reconnecting", sim.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ID_card_emulator_answers_through_pcscd()
    {
        var rig = await shared.GetAsync(_ct);
        Requirements.Require(Requirements.FindOnPath("scriptor") is null ? "scriptor (apt-get install pcsc-tools)" : null);
        File.WriteAllText(_folder.File("id.json"), System.Text.Json.JsonSerializer.Serialize(IdCards.IdCardTests.Resident(), System.Text.Json.JsonSerializerOptions.Web));
        await using var sim = await PermitSimProcess.StartIdCardAsync(rig.VpcdPort(Slot), _folder.File("id.json"), cancellationToken: _ct);

        var output = await RunScriptorAsync(rig, "00 A4 04 00 08 F0 49 44 43 41 52 44 01 00\n00 A4 02 0C 02 00 01\n00 B0 00 F8 02\n");

        Assert.Contains("> 00 A4 04 00 08 F0 49 44 43 41 52 44 01 00\n< 90 00", output, StringComparison.Ordinal);
        Assert.Contains("> 00 B0 00 F8 02\n< 20 00 90 00", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a scriptor script. permit-sim reports the card inserted once vpcd has powered it, but pcscd's own reader
    /// state can lag behind by a poll (400 ms); until it catches up scriptor cannot connect ("Can't allocate ...") and
    /// sends nothing, so the script is simply run again.
    /// </summary>
    private async Task<string> RunScriptorAsync(PcscRig rig, string script)
    {
        var output = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            output = await Tool.RunAsync("scriptor", ["-r", rig.ReaderName(Slot)], rig.Environment, script, _ct);
            if (!output.Contains("Can't allocate", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(250, _ct);
        }

        return output;
    }

    /// <summary>pcsc_scan -c until <paramref name="done"/> holds (pcscd polls vpcd every ~0.4 s), at most 10 s.</summary>
    private async Task<string> PollPcscScanAsync(PcscRig rig, Func<string, bool> done)
    {
        var output = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            output = await Tool.RunAsync("pcsc_scan", ["-c", "-n"], rig.Environment, null, _ct);
            if (done(output))
            {
                break;
            }

            await Task.Delay(500, _ct);
        }

        return output;
    }

    public void Dispose() => _folder.Dispose();
}

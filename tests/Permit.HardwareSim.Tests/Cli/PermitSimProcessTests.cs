using System.Text.Json;
using Permit.HardwareSim.Testing;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.Cli;

/// <summary>The permit-sim executable as a child process, against a fake vpcd (no daemon needed).</summary>
public sealed class PermitSimProcessTests : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly TempFolder _folder = new();
    private readonly FakeVpcd _vpcd = new();

    [Fact]
    public async Task permit_sim_creates_a_blank_card_file_connects_to_vpcd_and_answers_APDUs()
    {
        var (sim, link) = await StartPermitSimAsync(["--serial", "0A0B0C0D0E0F1011"]);
        await using (sim)
        using (link)
        {
            Assert.Equal("0A 0B 0C 0D 0E 0F 10 11 90 00", await link.TransmitAsync(GetSerial, _ct));
            Assert.Equal("90 00", await link.TransmitAsync(SelectApplication, _ct));
            Assert.Equal("90 00", await link.TransmitAsync(VerifyRightCode, _ct));

            using var card = JsonDocument.Parse(File.ReadAllText(_folder.CardFile));
            Assert.Equal("BLANK", card.RootElement.GetProperty("lifeCycle").GetString());
            Assert.Equal("PERSONALIZING", (await sim.Control.GetStatusAsync(_ct)).LifeCycle);
        }
    }

    [Fact]
    public async Task SIGTERM_stops_permit_sim_with_exit_code_0_and_the_card_leaves_the_reader()
    {
        var (sim, link) = await StartPermitSimAsync([]);
        await using (sim)
        using (link)
        {
            Assert.Equal(0, await sim.StopAsync(_ct));
            Assert.True(await link.IsClosedAsync(_ct));
            Assert.Contains("stopped", sim.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_control_port_removes_and_reinserts_the_card()
    {
        var (sim, link) = await StartPermitSimAsync([]);
        await using (sim)
        using (link)
        {
            await sim.Control.RemoveAsync(_ct);
            Assert.True(await link.IsClosedAsync(_ct));

            await sim.Control.InsertAsync(_ct);
            using var again = await _vpcd.AcceptAsync(_ct);
            await again.InsertLikePcscdAsync(_ct);
            await sim.WaitForInsertionAsync(2, _ct);
            Assert.Equal("90 00", await again.TransmitAsync(SelectApplication, _ct));
        }
    }

    [Fact]
    public async Task A_personalized_card_file_is_inserted_again_by_a_new_permit_sim_with_its_content()
    {
        var (first, link) = await StartPermitSimAsync([]);
        await using (first)
        using (link)
        {
            await link.TransmitAsync(SelectApplication, _ct);
            await link.TransmitAsync(VerifyRightCode, _ct);
            await link.TransmitAsync(SelectPermitFile, _ct);
            Assert.Equal("90 00", await link.TransmitAsync(UpdateBinary(0, TestCards.PermitObject), _ct));
            Assert.Equal(0, await first.StopAsync(_ct));
        }

        var (second, relink) = await StartPermitSimAsync([]);
        await using (second)
        using (relink)
        {
            await relink.TransmitAsync(SelectApplication, _ct);
            await relink.TransmitAsync(VerifyRightCode, _ct);
            await relink.TransmitAsync(SelectPermitFile, _ct);
            Assert.Equal(TestCards.PermitObject + " 62 82", await relink.TransmitAsync(ReadFromStart, _ct));
        }
    }

    [Fact]
    public async Task permit_sim_id_serves_the_ID_card_text_block()
    {
        File.WriteAllText(_folder.File("id.json"), JsonSerializer.Serialize(IdCards.IdCardTests.Resident(), JsonSerializerOptions.Web));
        var accepting = _vpcd.AcceptAsync(_ct);
        var starting = PermitSimProcess.StartIdCardAsync(_vpcd.Port, _folder.File("id.json"), cancellationToken: _ct);
        using var link = await accepting;
        await link.InsertLikePcscdAsync(_ct);
        await using var sim = await starting;

        Assert.Equal("90 00", await link.TransmitAsync("00 A4 04 00 08 F0 49 44 43 41 52 44 01 00", _ct));
        Assert.Equal("90 00", await link.TransmitAsync("00 A4 02 0C 02 00 01", _ct));
        Assert.EndsWith("90 00", await link.TransmitAsync("00 B0 00 00 00", _ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_make_the_helper_fail_with_permit_sims_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PermitSimProcess.StartAsync(["permit", "--port", "1"], waitForInsertion: true, _ct));
        Assert.Contains("Option '--card' is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 2", error.Message, StringComparison.Ordinal);
    }

    private async Task<(PermitSimProcess Sim, VpcdLink Link)> StartPermitSimAsync(string[] extra)
    {
        var accepting = _vpcd.AcceptAsync(_ct);
        var starting = PermitSimProcess.StartAsync(
            ["permit", "--port", _vpcd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--card", _folder.CardFile, .. extra],
            waitForInsertion: true,
            _ct);
        var link = await accepting;
        await link.InsertLikePcscdAsync(_ct);
        return (await starting, link);
    }

    public void Dispose()
    {
        _vpcd.Dispose();
        _folder.Dispose();
    }
}

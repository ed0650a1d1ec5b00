using System.Diagnostics;

namespace Permit.PCSC.Tests.Rig;

/// <summary>The private pcscd as an independent PC/SC client (pcsc-tools' pcsc_scan) sees it.</summary>
[Collection(PrivatePcscd.Name)]
public sealed class PcscRigTests(PcscRigFixture fixture)
{
    [Fact]
    public async Task Pcsc_scan_given_the_rig_environment_lists_one_virtual_reader_per_slot()
    {
        var rig = fixture.Rig;

        var output = await PcscScanReadersAsync(rig);

        Assert.Contains("Virtual PCD 00 00", output, StringComparison.Ordinal);
        Assert.Contains("Virtual PCD 00 01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_restart_the_readers_are_listed_again_on_the_same_socket()
    {
        var rig = fixture.Rig;
        var socket = rig.SocketPath;

        await rig.RestartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(socket, rig.SocketPath);
        Assert.Contains("Virtual PCD 00 01", await PcscScanReadersAsync(rig), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_slot_has_its_own_vpcd_port_and_reader_name()
    {
        var rig = fixture.Rig;

        Assert.Equal(rig.VpcdPort(0) + 1, rig.VpcdPort(1));
        Assert.Equal(["Virtual PCD 00 00", "Virtual PCD 00 01"], rig.ReaderNames);
    }

    private static async Task<string> PcscScanReadersAsync(PcscRig rig)
    {
        Requirements.Require(Requirements.FindOnPath("pcsc_scan") is null ? "pcsc_scan (apt-get install pcsc-tools)" : null);
        var start = new ProcessStartInfo("pcsc_scan", "-r") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in rig.Environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output;
    }
}

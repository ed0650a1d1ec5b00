using System.Runtime.InteropServices;
using Permit.PCSC.Interop.Linux;
using Permit.PCSC.Interop.MacOS;
using Permit.PCSC.Interop.Windows;

namespace Permit.PCSC.Tests.Interop;

/// <summary>
/// The native struct layouts of all three platforms, checked here on 64-bit Linux since only Linux runs the tests:
/// a wrong offset would make pcscd or winscard read a reader name from the ATR.
/// </summary>
public sealed class StructLayoutTests
{
    [Fact]
    public void Pcsc_lite_reader_state_on_64_bit_Linux_is_80_bytes_with_8_byte_dwords()
    {
        Assert.Equal(80, Marshal.SizeOf<LinuxReaderState>());
        Assert.Equal([0, 8, 16, 24, 32, 40], Offsets<LinuxReaderState>(
            nameof(LinuxReaderState.Reader), nameof(LinuxReaderState.UserData), nameof(LinuxReaderState.CurrentState),
            nameof(LinuxReaderState.EventState), nameof(LinuxReaderState.AtrLength), nameof(LinuxReaderState.Atr)));
        Assert.Equal(33, LinuxReaderState.MaxAtrSize);
    }

    [Fact]
    public void Windows_reader_state_on_x64_is_64_bytes_with_4_byte_dwords_and_a_36_byte_atr()
    {
        Assert.Equal(64, Marshal.SizeOf<WindowsReaderState>());
        Assert.Equal([0, 8, 16, 20, 24, 28], Offsets<WindowsReaderState>(
            nameof(WindowsReaderState.Reader), nameof(WindowsReaderState.UserData), nameof(WindowsReaderState.CurrentState),
            nameof(WindowsReaderState.EventState), nameof(WindowsReaderState.AtrLength), nameof(WindowsReaderState.Atr)));
        Assert.Equal(36, WindowsReaderState.MaxAtrSize);
    }

    [Fact]
    public void MacOS_reader_state_is_packed_to_61_bytes()
    {
        Assert.Equal(61, Marshal.SizeOf<MacReaderState>());
        Assert.Equal([0, 8, 16, 20, 24, 28], Offsets<MacReaderState>(
            nameof(MacReaderState.Reader), nameof(MacReaderState.UserData), nameof(MacReaderState.CurrentState),
            nameof(MacReaderState.EventState), nameof(MacReaderState.AtrLength), nameof(MacReaderState.Atr)));
    }

    [Fact]
    public void The_io_request_is_16_bytes_on_Linux_and_8_on_Windows_and_macOS()
    {
        Assert.Equal(16, Marshal.SizeOf<LinuxIoRequest>());
        Assert.Equal(8, Marshal.SizeOf<WindowsIoRequest>());
        Assert.Equal(8, Marshal.SizeOf<MacIoRequest>());
    }

    [Fact]
    public void The_exported_T1_pci_of_pcsc_lite_says_protocol_2_and_length_16()
    {
        if (!NativeLibrary.TryLoad(LinuxNative.Library, out var library))
        {
            Permit.TestRig.Requirements.Require("libpcsclite.so.1 (apt-get install libpcsclite1)");
            return;
        }

        var pci = Marshal.PtrToStructure<LinuxIoRequest>(NativeLibrary.GetExport(library, "g_rgSCardT1Pci"));

        Assert.Equal(2u, (uint)pci.Protocol);
        Assert.Equal(16u, (uint)pci.PciLength);
    }

    private static int[] Offsets<T>(params string[] fields) =>
        fields.Select(f => (int)Marshal.OffsetOf<T>(f)).ToArray();
}

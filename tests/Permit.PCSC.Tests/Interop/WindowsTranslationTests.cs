using Permit.PCSC.Interop.Windows;

namespace Permit.PCSC.Tests.Interop;

public sealed class WindowsTranslationTests
{
    [Theory]
    [InlineData(0u, SCardCardState.Unknown)]
    [InlineData(1u, SCardCardState.Absent)]
    [InlineData(2u, SCardCardState.Present)]
    [InlineData(4u, SCardCardState.Powered)]
    [InlineData(6u, SCardCardState.Specific)]
    public void Windows_card_state_numbers_become_the_pcsc_lite_flags(uint windows, SCardCardState expected) =>
        Assert.Equal(expected, WinSCardApi.FromNativeCardState(windows));

    [Fact]
    public void Raw_protocol_is_0x10000_on_Windows_both_ways()
    {
        Assert.Equal(0x10000u, WinSCardApi.ToNative(SCardProtocol.Raw));
        Assert.Equal(0x10003u, WinSCardApi.ToNative(SCardProtocol.Any | SCardProtocol.Raw));
        Assert.Equal(SCardProtocol.Raw, WinSCardApi.FromNativeProtocol(0x10000));
        Assert.Equal(SCardProtocol.T1, WinSCardApi.FromNativeProtocol(2));
    }
}

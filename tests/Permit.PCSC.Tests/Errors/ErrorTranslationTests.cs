using Permit.Iso7816;

namespace Permit.PCSC.Tests.Errors;

public sealed class ErrorTranslationTests
{
    public static TheoryData<SCardError, Type> Table => new()
    {
        { SCardError.NoService, typeof(NoServiceException) },
        { SCardError.ServiceStopped, typeof(ServiceStoppedException) },
        { SCardError.CommunicationError, typeof(CommunicationErrorException) },
        { SCardError.NoReadersAvailable, typeof(NoReadersAvailableException) },
        { SCardError.Cancelled, typeof(CancelledException) },
        { SCardError.Timeout, typeof(SCardTimeoutException) },
        { SCardError.InvalidHandle, typeof(InvalidHandleException) },
        { SCardError.InvalidParameter, typeof(InvalidParameterException) },
        { SCardError.InsufficientBuffer, typeof(InsufficientBufferException) },
        { SCardError.UnknownReader, typeof(UnknownReaderException) },
        { SCardError.ReaderUnavailable, typeof(ReaderUnavailableException) },
        { SCardError.SharingViolation, typeof(SharingViolationException) },
        { SCardError.NoSmartcard, typeof(NoSmartcardException) },
        { SCardError.ProtocolMismatch, typeof(ProtocolMismatchException) },
        { SCardError.UnresponsiveCard, typeof(UnresponsiveCardException) },
        { SCardError.UnpoweredCard, typeof(UnpoweredCardException) },
        { SCardError.ResetCard, typeof(ResetCardException) },
        { SCardError.RemovedCard, typeof(RemovedCardException) },
        { SCardError.UnsupportedFeature, typeof(UnsupportedFeatureException) },
        { SCardError.UnsupportedFeatureWindows, typeof(UnsupportedFeatureException) },
        { SCardError.NotTransacted, typeof(PcscException) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_return_code_becomes_its_own_exception_type_carrying_the_code(SCardError error, Type expected)
    {
        var exception = error.ToException("SCardTransmit");

        Assert.IsType(expected, exception);
        Assert.Equal(error, ((IPcscError)exception).ErrorCode);
        Assert.IsAssignableFrom<CardCommunicationException>(exception);
        Assert.Contains("SCardTransmit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_card_is_the_card_removed_exception_every_card_channel_user_catches() =>
        Assert.IsAssignableFrom<CardRemovedException>(SCardError.RemovedCard.ToException("SCardTransmit"));

    [Fact]
    public void A_stopped_service_is_also_a_missing_service() =>
        Assert.IsAssignableFrom<NoServiceException>(SCardError.ServiceStopped.ToException("SCardListReaders"));

    [Fact]
    public void Pcsc_lite_64_bit_return_values_are_compared_on_their_low_32_bits()
    {
        Assert.Equal(SCardError.RemovedCard, SCardErrors.FromNative(unchecked((nint)0x0000000080100069L)));
        Assert.Equal(SCardError.NoService, SCardErrors.FromNative(unchecked((nint)0xFFFFFFFF8010001DL)));
        Assert.Equal(SCardError.Timeout, SCardErrors.FromNative(unchecked((int)0x8010000A)));
    }

    [Fact]
    public void Success_does_not_throw() => SCardError.Success.ThrowIfFailed("SCardConnect");
}

using Permit.PCSC.Tests.Monitoring;

namespace Permit.PCSC.Tests.Errors;

/// <summary>A PC where no smart-card service can be reached at all, however its winscard says so.</summary>
public sealed class NoServiceTests
{
    [Fact]
    public void A_winscard_that_cannot_even_open_a_context_with_internal_error_is_reported_as_no_smart_card_service()
    {
        // Wine's winscard.dll is a stub whose SCardEstablishContext answers 0x80100001.
        var api = new FakeSCardApi { EstablishResult = SCardError.InternalError };

        var failure = Assert.Throws<NoServiceException>(() => SCardContext.Establish(SCardScope.System, api));

        Assert.Equal(SCardError.NoService, failure.ErrorCode);
        Assert.Contains("0x80100001", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_internal_error_later_on_an_open_context_stays_an_internal_error()
    {
        Assert.IsType<InternalErrorException>(SCardError.InternalError.ToException("SCardTransmit"));
    }
}

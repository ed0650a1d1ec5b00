namespace Permit.Documents.Tests.Receipts;

public sealed class IdNumberMaskTests
{
    [Theory]
    [InlineData("330106199005120024", "330106********0024")]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData(" 330106199005120024 ", "330106********0024")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("1234567890", "**********")]
    [InlineData("", "")]
    public void Only_the_first_six_and_last_four_characters_remain(string idNumber, string printed)
    {
        Assert.Equal(printed, IdNumberMask.Mask(idNumber));
    }
}

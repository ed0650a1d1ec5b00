using System.Text;
using Permit.Domain.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Qr;

public class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void RFC_9285_examples_encode_and_decode(string plain, string encoded)
    {
        Assert.Equal(encoded, Base45.Encode(Encoding.ASCII.GetBytes(plain)));
        Assert.True(Base45.TryDecode(encoded, out var decoded));
        Assert.Equal(plain, Encoding.ASCII.GetString(decoded));
    }

    [Fact]
    public void Every_byte_pair_survives_a_round_trip()
    {
        var data = Enumerable.Range(0, 512).Select(i => (byte)(i * 7)).ToArray();

        Assert.True(Base45.TryDecode(Base45.Encode(data), out var back));
        Assert.Equal(data, back);
    }

    [Theory]
    [InlineData("GGW", "a triple over 65535 (RFC 9285 §6)")]
    [InlineData("BB", "a final pair over 255 (11 + 11 * 45 = 506)")]
    [InlineData("BB8B", "a length of 3k+1")]
    [InlineData("bb8", "lower case is not in the alphabet")]
    [InlineData("BB#", "'#' is not in the alphabet")]
    [InlineData("BB\u00C9", "a non-ASCII character")]
    public void Text_that_is_not_Base45_is_refused(string text, string why) =>
        Assert.False(Base45.TryDecode(text, out _), why);
}

using System.Text;

namespace Permit.Documents.Tests.TestSupport;

/// <summary>RFC 9285 Base45, enough to make realistic <c>RP1:</c> texts without depending on the credential encoder.</summary>
internal static class Base45
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length + 1) / 2 * 3);
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var n = (bytes[i] * 256) + bytes[i + 1];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45 % 45]).Append(Alphabet[n / 2025]);
        }

        if (bytes.Length % 2 == 1)
        {
            var n = bytes[^1];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45]);
        }

        return text.ToString();
    }
}

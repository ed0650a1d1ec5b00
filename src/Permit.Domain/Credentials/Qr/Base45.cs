using System.Text;

namespace Permit.Domain.Credentials.Qr;

/// <summary>
/// Base45 (RFC 9285): two bytes become three characters of the QR alphanumeric alphabet, a last single byte
/// two. Decoding is strict: a character outside the alphabet, a length of 3k+1, or a group whose value
/// overflows (over 65535 for three characters, over 255 for two) is refused.
/// </summary>
public static class Base45
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private static readonly sbyte[] Values = BuildValues();

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(((data.Length / 2) * 3) + ((data.Length % 2) * 2));
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            var n = (data[i] * 256) + data[i + 1];
            text.Append(Alphabet[n % 45]).Append(Alphabet[(n / 45) % 45]).Append(Alphabet[n / (45 * 45)]);
        }

        if (i < data.Length)
        {
            var n = data[i];
            text.Append(Alphabet[n % 45]).Append(Alphabet[n / 45]);
        }

        return text.ToString();
    }

    /// <summary>Decodes <paramref name="text"/>; false (and no bytes) when it is not valid Base45.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] data)
    {
        data = [];
        if (text.Length % 3 == 1)
        {
            return false;
        }

        var output = new byte[((text.Length / 3) * 2) + (text.Length % 3 == 2 ? 1 : 0)];
        var o = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var remaining = Math.Min(3, text.Length - i);
            var n = 0;
            var factor = 1;
            for (var j = 0; j < remaining; j++)
            {
                var c = text[i + j];
                var v = c < Values.Length ? Values[c] : -1;
                if (v < 0)
                {
                    return false;
                }

                n += v * factor;
                factor *= 45;
            }

            if (remaining == 3)
            {
                if (n > 0xFFFF)
                {
                    return false;
                }

                output[o++] = (byte)(n >> 8);
                output[o++] = (byte)n;
            }
            else
            {
                if (n > 0xFF)
                {
                    return false;
                }

                output[o++] = (byte)n;
            }
        }

        data = output;
        return true;
    }

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }
}

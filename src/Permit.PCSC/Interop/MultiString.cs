using System.Text;

namespace Permit.PCSC.Interop;

/// <summary>PC/SC's <c>msz</c> lists: strings each ended by NUL, the list ended by one more NUL.</summary>
internal static class MultiString
{
    public static IReadOnlyList<string> Split(string joined) =>
        joined.Split('\0', StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> SplitUtf8(ReadOnlySpan<byte> bytes) => Split(Encoding.UTF8.GetString(bytes));

    /// <summary>A NUL-terminated string up to the first NUL (or the whole span).</summary>
    public static string FirstUtf8(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}

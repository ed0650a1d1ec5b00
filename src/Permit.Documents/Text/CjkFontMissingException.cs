namespace Permit.Documents.Text;

/// <summary>No installed font can draw Chinese text, so a card or receipt would print as empty boxes.</summary>
public sealed class CjkFontMissingException : InvalidOperationException
{
    public CjkFontMissingException()
        : base(
            "No font with Chinese (CJK) glyphs is installed, so documents cannot be rendered. " +
            "On Debian/Ubuntu install the package fonts-noto-cjk (apt-get install -y fonts-noto-cjk); " +
            "elsewhere install Noto Sans CJK SC or Source Han Sans SC.")
    {
    }

    public CjkFontMissingException(string message)
        : base(message)
    {
    }

    public CjkFontMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

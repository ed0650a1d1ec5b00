namespace Permit.HardwareSim.Tests.Support;

/// <summary>Permit cards at each point of their life, built through the card's own APDUs.</summary>
internal static class TestCards
{
    public const string Serial = "0102030405060708";

    /// <summary>A small but well-formed EF.PERMIT object (format version 1, card sequence 1).</summary>
    public const string PermitObject = "70 06 80 01 01 8D 01 01";

    public const string PhotoObject = "5F 2E 00";

    /// <summary>An EF.SIG-shaped object; the card never checks what the issuer signed.</summary>
    public const string SignatureObject = "77 0A 90 08 11 22 33 44 55 66 77 88";

    public static PermitCard NewBlankCard(string? cardFile = null) => cardFile is null
        ? PermitCard.CreateBlank(Hex.Parse(Serial), PermitCard.DefaultTransportCode.Span)
        : PermitCard.CreateBlank(Hex.Parse(Serial), PermitCard.DefaultTransportCode.Span, cardFile);

    /// <summary>A terminal holding a blank card with the permit application selected.</summary>
    public static Terminal Blank(string? cardFile = null)
    {
        var terminal = new Terminal(NewBlankCard(cardFile));
        Assert.Equal("90 00", terminal.Send(PermitApdus.SelectApplication));
        return terminal;
    }

    /// <summary>A terminal holding a card whose transport code was just verified (PERSONALIZING).</summary>
    public static Terminal Personalizing(string? cardFile = null)
    {
        var terminal = Blank(cardFile);
        Assert.Equal("90 00", terminal.Send(PermitApdus.VerifyRightCode));
        return terminal;
    }

    /// <summary>Writes EF.PERMIT, EF.PHOTO and EF.SIG and generates the chip key; the card stays PERSONALIZING.</summary>
    public static Terminal Personalized(string? cardFile = null)
    {
        var terminal = Personalizing(cardFile);
        Assert.Equal("90 00", terminal.StatusOf(PermitApdus.GenerateKeyPair));
        Write(terminal, PermitApdus.SelectPermitFile, PermitObject);
        Write(terminal, PermitApdus.SelectPhotoFile, PhotoObject);
        Write(terminal, PermitApdus.SelectSignatureFile, SignatureObject);
        return terminal;
    }

    /// <summary>A personalized, activated card with the application selected.</summary>
    public static Terminal Active(string? cardFile = null)
    {
        var terminal = Personalized(cardFile);
        Assert.Equal("90 00", terminal.Send(PermitApdus.Activate));
        return terminal;
    }

    public static void Write(Terminal terminal, string selectFile, string content)
    {
        Assert.Equal("90 00", terminal.Send(selectFile));
        Assert.Equal("90 00", terminal.Send(PermitApdus.UpdateBinary(0, content)));
    }
}

using Permit.CardAgent.IdCards;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>read-id</c>: an ID card's fields (the output is the holder's own data, shown to the officer; nothing is logged).
/// A foreigner's or HK/Macao/Taiwan card is named as such and exits 5: its layout is not a resident card's.
/// </summary>
public static class ReadIdCommand
{
    public static int Run(CommandArguments options, CommandConsole console, AgentHost host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        using var operations = host.Operations();
        var result = operations.ReadIdCard(options.Value("--reader"));
        var card = result.Card;

        if (options.Value("--photo-out") is { } photoPath && result.Photo.Length > 0)
            File.WriteAllBytes(photoPath, result.Photo);

        if (console.Json)
        {
            console.WriteJson(new
            {
                reader = result.Reader,
                card,
                photo = result.Display.Image.Length > 0 ? Convert.ToBase64String(result.Display.Image) : null,
                photoStatus = result.Display.Status,
                figures = FiguresJson.From(result.Figures),
            });
        }
        else if (card.IsResidentCard)
        {
            console.WriteLine($"Resident ID card in \"{result.Reader}\":");
            console.WriteLine($"  name               {card.Name}");
            console.WriteLine($"  sex                {card.Sex} ({(card.Sex == "1" ? "male" : "female")})");
            console.WriteLine($"  ethnic group       {card.EthnicGroup}");
            console.WriteLine($"  birth date         {card.BirthDate}");
            console.WriteLine($"  address            {card.Address}");
            console.WriteLine($"  ID number          {card.IdNumber}");
            console.WriteLine($"  issuing authority  {card.IssuingAuthority}");
            console.WriteLine($"  valid              {card.ValidFrom} – {card.ValidTo}");
            console.WriteLine($"  photo              {card.PhotoFormat} ({result.Display.Status})");
        }

        if (!card.IsResidentCard)
        {
            console.Error.WriteLine(
                $"permit-agent: the card is a {IdCardReport.Describe(card.CardType)}, not a resident ID card; its fields are not read as one.");
            return ExitCodes.WrongCard;
        }

        return ExitCodes.Ok;
    }
}

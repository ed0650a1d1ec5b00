using Permit.CardAgent.Terminals;

namespace Permit.CardAgent.Cli;

/// <summary><c>readers</c>: every reader, whether a card is in it (with its ATR), and which role it has.</summary>
public static class ReadersCommand
{
    public static int Run(CommandArguments options, CommandConsole console, AgentHost host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var readers = host.Terminals.ListReaders();
        var listed = readers.Select(r => new
        {
            name = r.Name,
            cardPresent = r.CardPresent,
            atr = r.CardPresent ? r.AtrHex : null,
            role = RoleOf(r.Name, host, readers),
        }).ToArray();

        if (console.Json)
        {
            console.WriteJson(new { readers = listed });
        }
        else if (listed.Length == 0)
        {
            console.WriteLine("No card reader is attached.");
        }
        else
        {
            foreach (var r in listed)
            {
                var role = r.role is null ? "" : $" [{r.role} reader]";
                console.WriteLine(r.cardPresent ? $"{r.name}{role}: card present, ATR {r.atr}" : $"{r.name}{role}: no card");
            }
        }

        return readers.Count == 0 ? ExitCodes.NoReader : ExitCodes.Ok;
    }

    private static string? RoleOf(string name, AgentHost host, IReadOnlyList<ReaderInfo> readers)
    {
        string? Chosen(ReaderRole role)
        {
            try
            {
                return ReaderChoice.Choose(role, null, host.Settings, readers);
            }
            catch (AgentException)
            {
                return null;
            }
        }

        return Chosen(ReaderRole.IdCard) == name ? "id-card" : Chosen(ReaderRole.PermitCard) == name ? "permit-card" : null;
    }
}

using Permit.CardAgent.Configuration;

namespace Permit.CardAgent.Terminals;

/// <summary>What a reader is used for at the counter: the ID card reader and the permit card reader.</summary>
public enum ReaderRole
{
    IdCard,
    PermitCard,
}

/// <summary>
/// Picks the reader for a role: <c>--reader NAME</c>, else the configured name, else the first listed reader for
/// ID cards and the second for permit cards.
/// </summary>
public static class ReaderChoice
{
    public static string Choose(ReaderRole role, string? explicitName, AgentSettings settings, IReadOnlyList<ReaderInfo> readers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(readers);
        var wanted = explicitName ?? (role == ReaderRole.IdCard ? settings.IdReader : settings.PermitReader);
        var what = role == ReaderRole.IdCard ? "ID card" : "permit card";
        if (readers.Count == 0)
            throw new AgentException("no-reader", ExitCodes.NoReader, "No card reader is attached. Plug in the reader and try again.");

        if (wanted is not null)
        {
            return readers.Any(r => r.Name == wanted)
                ? wanted
                : throw new AgentException("reader-not-found", ExitCodes.NoReader,
                    $"The {what} reader \"{wanted}\" is not attached. Attached: {Names(readers)}.");
        }

        var index = role == ReaderRole.IdCard ? 0 : 1;
        return readers.Count > index
            ? readers[index].Name
            : throw new AgentException("no-reader", ExitCodes.NoReader,
                $"Only one reader is attached ({Names(readers)}); the {what} reader defaults to the second. " +
                $"Name it with --reader or {(role == ReaderRole.IdCard ? AgentSettings.IdReaderVariable : AgentSettings.PermitReaderVariable)}.");
    }

    private static string Names(IReadOnlyList<ReaderInfo> readers) => string.Join(", ", readers.Select(r => $"\"{r.Name}\""));
}

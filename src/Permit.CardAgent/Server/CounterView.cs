using System.Text.Json;
using Permit.CardAgent.Pairing;
using Permit.CardAgent.Verification;
using Permit.Domain.Credentials.Agents;

namespace Permit.CardAgent.Server;

/// <summary>
/// What a counter (a verifier terminal's ticket, an agent paired by a terminal) gets from a card read: only what its
/// verdict needs. The permit fields keep the number, name, card sequence, region and dates; the ID number, addresses,
/// sex, ethnic group and birth date go. The photo comes only when the chip proved genuine. The four card files, which
/// the register's card lookup needs and whose EF.PERMIT holds the ID number, are sealed for the paired API
/// (<see cref="SealedCardFiles"/>): the page forwards <c>sealedFiles</c> without being able to read them.
/// </summary>
internal static class CounterView
{
    public static bool Applies(AgentTicket? ticket, AgentPairing? pairing) =>
        ticket?.Kind == AgentTicketHolder.Terminal || pairing?.IsCounter == true;

    public static PermitCardResponse Redact(PermitCardResponse read, AgentPairing pairing)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(pairing);
        var chipPassed = read.Verdict.Checks.Any(c => c is { Check: "chip-signature", Outcome: "passed" });
        var permit = read.Verdict.Permit is { } p
            ? new Personalization.PermitJson
            {
                PermitNumber = p.PermitNumber,
                Name = p.Name,
                CardSequence = p.CardSequence,
                ResidenceRegion = p.ResidenceRegion,
                IssueDate = p.IssueDate,
                ValidUntil = p.ValidUntil,
            }
            : null;
        using var seal = pairing.LoadSealKey();
        var sealedFiles = read.Files is null ? null : SealedCardFiles.Seal(JsonSerializer.SerializeToUtf8Bytes(read.Files, AgentJson.Line), seal);
        return read with
        {
            Verdict = read.Verdict with { Permit = permit },
            Photo = chipPassed && permit is not null ? read.Photo : null,
            Files = null,
            SealedFiles = sealedFiles,
        };
    }
}

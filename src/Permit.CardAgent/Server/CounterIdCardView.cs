using Permit.CardAgent.Cli;
using Permit.CardAgent.IdCards;
using Permit.CardAgent.Pairing;
using Permit.Domain.Credentials.Agents;

namespace Permit.CardAgent.Server;

/// <summary>
/// What a counter (a verifier terminal's ticket, an agent a terminal paired) gets from an ID card read: the card type
/// and nothing of the holder. The ID number goes out only sealed for the paired API together with the API's challenge
/// for this read (<see cref="SealedIdCard"/>), for the page to forward to <c>POST /api/entitlements/lookups/id-card</c>;
/// name, address, birth date and the ID card's photo stay on this PC. Only a resident ID card is sealed: the other
/// kinds have no residence permit to find.
/// </summary>
internal static class CounterIdCardView
{
    public static IdCardResponse Read(IdCardResult result, byte[] challenge, AgentPairing pairing)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(pairing);
        if (!result.Card.IsResidentCard || result.Card.IdNumber is not { } idNumber)
            throw new Cards.CardOperationException("id-card-not-resident",
                $"The card is a {IdCardReport.Describe(result.Card.CardType)}: a residence permit is looked up by a resident ID card.");

        using var seal = pairing.LoadSealKey();
        var sealedRead = new SealedIdCard(idNumber, Convert.ToBase64String(challenge)).Seal(seal);
        var card = new IdCardReport { CardType = result.Card.CardType, PhotoFormat = result.Card.PhotoFormat };
        return new IdCardResponse(result.Reader, card, Photo: null, FiguresJson.From(result.Figures), IdCardPhoto.Absent, sealedRead);
    }
}

using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Verification;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// A card lookup's request made into verifier inputs: the four files decoded from base64 (each within its spec size),
/// and what the agent says about the chip. Only the agent's <c>chip-signature</c> check is taken from its verdict;
/// everything else is judged again here.
/// </summary>
public sealed record AgentCardRead(CardReadout? Files, AgentChipReport? Chip, string? ChipAuthentication, Dictionary<string, string[]>? Errors)
{
    /// <summary>The chip was checked by the agent only; the server could not see it.</summary>
    public const string CheckedByAgent = "checked-by-agent";

    /// <summary>The agent's challenge and the chip's answer were sent and verify here; their freshness is the agent's word.</summary>
    public const string CheckedByAgentAnswerVerified = "checked-by-agent-answer-verified";

    public static AgentCardRead From(CardLookupRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var files = request.Files;
        if (files is null)
            errors["files"] = ["The card files the agent read are required."];
        var permit = Decode(files?.Permit, "files.permit", CardFiles.PermitMaxBytes, required: true, errors);
        var photo = Decode(files?.Photo, "files.photo", CardFiles.PhotoMaxBytes, required: false, errors);
        var chipKey = Decode(files?.ChipKey, "files.chipKey", CardFiles.ChipKeyMaxBytes, required: true, errors);
        var signature = Decode(files?.Signature, "files.signature", CardFiles.SignatureMaxBytes, required: true, errors);

        var chipCheck = request.Verdict?.Checks?.FirstOrDefault(c => string.Equals(c.Check, "chip-signature", StringComparison.Ordinal));
        if (request.Verdict is null)
            errors["verdict"] = ["The agent's verdict is required: only the agent saw the chip."];
        var challenge = Decode(request.Chip?.Challenge, "chip.challenge", ActiveAuthentication.MaxChallengeLength, required: false, errors);
        var response = Decode(request.Chip?.Response, "chip.response", 64, required: false, errors);
        if ((challenge is null) != (response is null))
            errors["chip"] = ["Send both the challenge and the chip's answer, or neither."];
        if (errors.Count > 0)
            return new AgentCardRead(null, null, null, errors);

        var exchange = challenge is null ? null : new ChipChallengeResponse(challenge, response!);
        // The agent's verdict counts only when it says the chip passed; anything else (failed, not run) refuses.
        var agentPassed = string.Equals(chipCheck?.Outcome, "passed", StringComparison.Ordinal);
        return new AgentCardRead(
            new CardReadout(permit!, photo, chipKey!, signature!),
            new AgentChipReport(agentPassed, exchange),
            exchange is null ? CheckedByAgent : CheckedByAgentAnswerVerified,
            null);
    }

    private static byte[]? Decode(string? base64, string field, int maxBytes, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(base64))
        {
            if (required)
                errors[field] = ["Required (base64)."];
            return null;
        }

        // Base64 of n bytes is 4·⌈n/3⌉ characters: anything longer is refused before it is decoded.
        if (base64.Length > ((maxBytes + 2) / 3 * 4) + 8)
        {
            errors[field] = [$"Longer than the {maxBytes} bytes the card spec allows."];
            return null;
        }

        var buffer = new byte[base64.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            errors[field] = ["Not base64."];
            return null;
        }

        return buffer[..written];
    }
}

using System.Text.Json;
using Permit.Api.Features.Entitlements;
using Permit.Domain.Credentials.Agents;

namespace Permit.Api.Security.Agents;

/// <summary>
/// A counter's card lookup carries the four card files sealed by the agent for the API (<c>sealedFiles</c>) instead of
/// in clear: the page forwards what it cannot read. Opened here; a box that does not open leaves <c>files</c> empty,
/// so the lookup answers its usual "files required" validation problem.
/// </summary>
public static class SealedLookupFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CardLookupRequest Open(CardLookupRequest request, AgentKeys keys)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(keys);
        if (request.Files is not null || request.SealedFiles is null)
            return request;
        var plaintext = SealedCardFiles.Open(request.SealedFiles, keys.SealKey);
        if (plaintext is null)
            return request;
        try
        {
            return request with { Files = JsonSerializer.Deserialize<CardFilesRequest>(plaintext, Json), SealedFiles = null };
        }
        catch (JsonException)
        {
            return request;
        }
    }
}

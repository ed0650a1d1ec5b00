using Permit.Domain.Regions;

namespace Permit.Api.Features.Communities;

/// <summary>A community as the directory lists it: code, name, the township it belongs to, retired or not.</summary>
public sealed record CommunityResponse(string Code, string Name, string TownshipCode, string? TownshipName, bool Retired)
{
    public static CommunityResponse From(Community community)
    {
        ArgumentNullException.ThrowIfNull(community);
        return new(community.Code.Value, community.Name, community.TownshipCode, community.TownshipName, community.Retired);
    }
}

public sealed record AddCommunityRequest(string? Code, string? Name);

public sealed record RenameCommunityRequest(string? Name);

/// <summary>One rejected row of a directory import: the spreadsheet row (header = 1), the column and the rule broken.</summary>
public sealed record CommunityReject(int Row, string Column, string Rule, string Message);

/// <summary>
/// What an import did (or, as a dry run, would do): rows added, renamed, left as they were, and the rejected ones (none
/// of them written).
/// </summary>
public sealed record CommunityImportResponse(string Encoding, int Added, int Renamed, int Unchanged, IReadOnlyList<CommunityReject> Rejects)
{
    public bool DryRun { get; init; }
}

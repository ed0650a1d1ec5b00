using Permit.Domain.Duplicates;

namespace Permit.Api.Features.Duplicates;

/// <summary>One side of a suspected pair, as the supervisor compares them (the ID number masked: the evidence names the digits).</summary>
public sealed record SuspectedResident(Guid Id, string Name, string MaskedIdNumber, DateOnly BirthDate, string? AreaCode, int Registrations, int Permits);

/// <summary>A suspected duplicate with its evidence.</summary>
public sealed record SuspicionResponse(
    Guid Id, string Rule, int? Position, string? Digits, IReadOnlyList<string> NameVariance, string Evidence,
    DateTimeOffset FoundAt, string Status, SuspectedResident First, SuspectedResident Second)
{
    public static IReadOnlyList<string> Variances(NameVariance variance) =>
        [.. Enum.GetValues<NameVariance>().Where(v => v != Domain.Duplicates.NameVariance.None && variance.HasFlag(v)).Select(v => v.ToString())];
}

/// <summary>Merge the pair, keeping <see cref="SurvivorId"/> (one of the two).</summary>
public sealed record MergeRequest(Guid? SurvivorId);

/// <summary>What a merge did: who survives, who was merged into it, how many rows moved.</summary>
public sealed record MergeResponse(Guid SuspicionId, Guid SurvivorId, Guid MergedId, int RowsMoved, DateTimeOffset MergedAt)
{
    public static MergeResponse From(ResidentMerge merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return new(merge.SuspicionId, merge.SurvivorId, merge.MergedId, merge.RowsMoved, merge.MergedAt);
    }
}

/// <summary>A decision other than a merge.</summary>
public sealed record DecisionResponse(Guid SuspicionId, string Status, DateTimeOffset? DecidedAt);

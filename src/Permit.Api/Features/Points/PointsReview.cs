using Permit.Domain.Common;

namespace Permit.Api.Features.Points;

public enum PointsReviewStatus
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A re-review (复核) a holder asks for: which indicator they think is wrong and why. An officer resolves it once:
/// accepted with correcting ledger entries, or rejected with the reason the holder will read.
/// </summary>
public sealed class PointsReview
{
    public const int MaxTextLength = 500;

    private PointsReview() { }

    internal PointsReview(Guid residentId, string? indicator, string reason, DateTimeOffset filedAt)
    {
        Id = Guid.NewGuid();
        ResidentId = residentId;
        Indicator = indicator;
        Reason = reason;
        FiledAt = filedAt;
        Status = PointsReviewStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid ResidentId { get; private set; }

    /// <summary>The indicator questioned; null when the holder questions the total as a whole.</summary>
    public string? Indicator { get; private set; }

    public string Reason { get; private set; } = "";

    public PointsReviewStatus Status { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    /// <summary>The officer's answer: what was corrected, or why nothing was.</summary>
    public string? Resolution { get; private set; }

    public void Accept(string officer, string resolution, DateTimeOffset at) => Resolve(PointsReviewStatus.Accepted, officer, resolution, at);

    public void Reject(string officer, string reason, DateTimeOffset at) => Resolve(PointsReviewStatus.Rejected, officer, reason, at);

    private void Resolve(PointsReviewStatus outcome, string officer, string resolution, DateTimeOffset at)
    {
        if (Status != PointsReviewStatus.Pending)
            throw new DomainException("points-review-resolved", $"This re-review was already {Status.ToString().ToLowerInvariant()}.");
        Status = outcome;
        ResolvedBy = officer;
        Resolution = resolution;
        ResolvedAt = at;
    }
}

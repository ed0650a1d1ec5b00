namespace Permit.Api.Features.DataQuality;

/// <summary>One check of the data-quality report and how many records fail it in the officer's jurisdiction.</summary>
public sealed record QualityCount(string Check, int Count);

/// <summary>A record failing a check: the resident, the registration when the check is about one, and what is wrong.</summary>
public sealed record QualityRecord(Guid ResidentId, string Name, Guid? RegistrationId, string Detail);

/// <summary>The records of one check, the first <c>take</c> of <see cref="Total"/>.</summary>
public sealed record QualityRecords(string Check, int Total, IReadOnlyList<QualityRecord> Records);

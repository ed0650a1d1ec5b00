namespace Permit.Domain.Credentials.Verification;

/// <summary>Collects check outcomes in <see cref="VerificationCheck"/> order and picks the refusal reason.</summary>
internal sealed class VerdictBuilder
{
    // Among status failures (which all get reported), the most serious one names the refusal.
    private static readonly RefusalReason[] StatusPriority =
        [RefusalReason.Revoked, RefusalReason.Suspended, RefusalReason.Expired, RefusalReason.Stale, RefusalReason.RevocationDataStale];

    private readonly Dictionary<VerificationCheck, CheckResult> _results = [];
    private readonly List<RefusalReason> _failures = [];
    private readonly List<string> _warnings = [];

    public VerdictBuilder(params VerificationCheck[] notApplicable)
    {
        foreach (var check in notApplicable)
        {
            Record(check, CheckOutcome.NotApplicable);
        }
    }

    public bool Has(VerificationCheck check) => _results.ContainsKey(check);

    public void Record(VerificationCheck check, CheckOutcome outcome, string? detail = null) =>
        _results[check] = new CheckResult(check, outcome, detail);

    /// <summary>Records a pass or a failure with <paramref name="reason"/>; returns whether it passed.</summary>
    public bool Check(VerificationCheck check, bool passed, RefusalReason reason, string? failureDetail, string? passDetail = null)
    {
        Record(check, passed ? CheckOutcome.Passed : CheckOutcome.Failed, passed ? passDetail : failureDetail);
        if (!passed)
        {
            _failures.Add(reason);
        }

        return passed;
    }

    /// <summary>Adds a refusal reason for a check already recorded as failed.</summary>
    public void Fail(RefusalReason reason) => _failures.Add(reason);

    public void Warn(VerificationCheck check, string warningCode, string detail)
    {
        Record(check, CheckOutcome.Warning, detail);
        _warnings.Add(warningCode);
    }

    public CredentialVerdict Build()
    {
        var checks = Enum.GetValues<VerificationCheck>()
            .Select(c => _results.TryGetValue(c, out var r) ? r : new CheckResult(c, CheckOutcome.NotRun, "an earlier check failed"))
            .ToList();
        RefusalReason? reason = _failures.Count == 0
            ? null
            : _failures.FirstOrDefault(f => Array.IndexOf(StatusPriority, f) < 0, _failures.OrderBy(f => Array.IndexOf(StatusPriority, f)).First());
        return new CredentialVerdict(reason, checks, [.. _warnings]);
    }
}

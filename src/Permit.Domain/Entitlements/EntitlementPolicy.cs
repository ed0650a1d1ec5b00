using System.Globalization;

namespace Permit.Domain.Entitlements;

/// <summary>
/// Decides whether a holder may have a service today. Checks run from the most to the least fundamental, and the
/// first failure is the answer: the permit's status, its validity, then (for points-tiered services) a freeze and the
/// threshold, and last the waiting periods, which alone can be cured by time.
/// </summary>
public static class EntitlementPolicy
{
    public static EntitlementDecision Evaluate(ServiceCatalogue catalogue, string serviceCode, HolderFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var service = catalogue.Find(serviceCode);
        return service is null
            ? new(serviceCode, false, EntitlementReasons.UnknownService,
                $"本处不提供服务“{serviceCode}”。", $"Service '{serviceCode}' is not offered here.")
            : Evaluate(service, facts, today);
    }

    /// <summary>Every service of the catalogue in <paramref name="categories"/> (all when none given), in catalogue order.</summary>
    public static IReadOnlyList<EntitlementDecision> EvaluateAll(ServiceCatalogue catalogue, HolderFacts facts, DateOnly today, params IEnumerable<ServiceCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var wanted = categories.ToArray();
        var services = wanted.Length == 0 ? catalogue.Services : catalogue.InCategories(wanted);
        return services.Select(s => Evaluate(s, facts, today)).ToArray();
    }

    public static EntitlementDecision Evaluate(PublicService service, HolderFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(facts);

        return PermitStanding(service, facts, today)
            ?? PointsStanding(service, facts)
            ?? WaitingPeriods(service, facts, today)
            ?? new(service.Code, true, EntitlementReasons.Eligible,
                $"可以办理“{service.NameZh}”。", $"Eligible for {service.NameEn}.");
    }

    private static EntitlementDecision? PermitStanding(PublicService service, HolderFacts facts, DateOnly today)
    {
        switch (facts.PermitStatus)
        {
            case HolderPermitStatus.PendingCard:
                return Refuse(service, EntitlementReasons.PermitPendingCard,
                    "居住证已批准，尚未领取，领证后方可办理。", "The permit is approved but the card has not been collected yet.");
            case HolderPermitStatus.Suspended:
                return Refuse(service, EntitlementReasons.PermitSuspended,
                    "居住证未按时签注，已暂停使用，签注后恢复。", "The permit is suspended for a missed yearly endorsement; endorsing it restores it.");
            case HolderPermitStatus.Revoked:
                return Refuse(service, EntitlementReasons.PermitRevoked,
                    "该居住证已作废。", "This permit has been revoked.");
            case HolderPermitStatus.Terminated:
                return Refuse(service, EntitlementReasons.PermitTerminated,
                    "该居住证已终止。", "This permit has been terminated.");
            case HolderPermitStatus.Active:
                break;
            default:
                throw new DomainException(HolderFacts.InvalidCode, "Unknown permit status.");
        }

        var validUntil = facts.ValidUntil
            ?? throw new DomainException(HolderFacts.InvalidCode, "An active permit needs its valid-until date.");
        return today > validUntil
            ? Refuse(service, EntitlementReasons.PermitExpired,
                $"居住证有效期至{Date(validUntil)}，已过期，请办理签注。", $"The permit expired on {Date(validUntil)}; it needs endorsing.")
            : null;
    }

    private static EntitlementDecision? PointsStanding(PublicService service, HolderFacts facts)
    {
        if (service.Requirements.MinimumPoints is not { } threshold)
            return null;
        if (facts.PointsFrozen)
        {
            return Refuse(service, EntitlementReasons.PointsFrozen,
                "积分因违法失信或违法犯罪记录被冻结，暂不能办理积分类服务。", "Points are frozen by a dishonesty or criminal record; points-based services are unavailable.");
        }

        if (facts.PointsTotal is not { } total)
        {
            return Refuse(service, EntitlementReasons.PointsBelowThreshold,
                $"尚无积分记录，需达到{Number(threshold)}分。", $"No points on record; {Number(threshold)} are needed.");
        }

        return total < threshold
            ? Refuse(service, EntitlementReasons.PointsBelowThreshold,
                $"积分{Number(total)}分，未达到{Number(threshold)}分。", $"{Number(total)} points, below the {Number(threshold)} needed.")
            : null;
    }

    private static EntitlementDecision? WaitingPeriods(PublicService service, HolderFacts facts, DateOnly today)
    {
        var requirements = service.Requirements;

        DateOnly? heldEnough = null;
        if (requirements.PermitHeldMonths > 0)
        {
            var since = facts.HeldUnbrokenSince
                ?? throw new DomainException(HolderFacts.InvalidCode, $"'{service.Code}' needs the date the permit has been held unbroken since.");
            var on = since.AddMonths(requirements.PermitHeldMonths);
            if (on > today)
                heldEnough = on;
        }

        DateOnly? insuredEnough = null;
        var missingMonths = requirements.SocialInsuranceMonths - facts.SocialInsuranceContinuousMonths;
        if (missingMonths > 0)
            insuredEnough = today.AddMonths(missingMonths);

        // When both periods are still running, the holder waits for the later one; the reason names the permit first.
        var earliest = Later(heldEnough, insuredEnough);
        if (heldEnough is not null)
        {
            return Refuse(service, EntitlementReasons.PermitHeldTooBriefly,
                $"需连续持有居住证满{requirements.PermitHeldMonths}个月，最早可于{Date(earliest!.Value)}办理。",
                $"The permit must be held unbroken for {requirements.PermitHeldMonths} months; eligible from {Date(earliest!.Value)} at the earliest.",
                earliest);
        }

        if (insuredEnough is not null)
        {
            return Refuse(service, EntitlementReasons.SocialInsuranceTooShort,
                $"需连续缴纳社会保险满{requirements.SocialInsuranceMonths}个月（现{facts.SocialInsuranceContinuousMonths}个月），最早可于{Date(earliest!.Value)}办理。",
                $"Social insurance must be paid continuously for {requirements.SocialInsuranceMonths} months (now {facts.SocialInsuranceContinuousMonths}); eligible from {Date(earliest!.Value)} at the earliest.",
                earliest);
        }

        return null;
    }

    private static EntitlementDecision Refuse(PublicService service, string reason, string zh, string en, DateOnly? earliest = null) =>
        new(service.Code, false, reason, $"“{service.NameZh}”：{zh}", $"{service.NameEn}: {en}", earliest);

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a > b || b is null ? a : b;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}

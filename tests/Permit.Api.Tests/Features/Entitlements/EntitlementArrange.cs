using Permit.Api.Features.Points;
using Permit.Api.Security.Terminals;
using Permit.Api.Tests.Features.Personalization;
using Permit.Domain.Entitlements;
using Permit.Domain.Permits;

namespace Permit.Api.Tests.Features.Entitlements;

/// <summary>Terminals and permit holders in every state, arranged through the API where it can and behind its back where only time would.</summary>
public static class EntitlementArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A permit holder: the permit's number, the resident, and the card (chip) the holder carries.</summary>
    public sealed record Holder(string Number, Guid ResidentId, CardHandshake Chip, CardHandshake.Files Files);

    /// <summary>A client for a terminal serving <paramref name="categories"/>, with its API key.</summary>
    public static async Task<HttpClient> TerminalAsync(PermitTestHost host, string name, params ServiceCategory[] categories)
    {
        var key = ApiKey.Generate();
        await using (var db = host.NewContext())
        {
            db.Add(VerifierTerminal.Register(name, categories, key, host.Time.GetUtcNow()));
            await db.SaveChangesAsync(Ct);
        }

        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKey.HeaderName, key.Value);
        return client;
    }

    /// <summary>Holder n with an active permit: issued, card personalized and confirmed on 10 March 2026.</summary>
    public static async Task<Holder> ActiveHolderAsync(PermitTestHost host, HttpClient officer, int n)
    {
        var holder = await PendingHolderAsync(host, officer, n);
        using var confirmed = await officer.PostAsJsonAsync(
            CardHandshake.Route(holder.Number, 1, "confirmation"), await holder.Chip.ConfirmationAsync(officer, holder.Files), Ct);
        confirmed.EnsureSuccessStatusCode();
        return holder;
    }

    /// <summary>Holder n whose permit is issued and whose card is written but not yet confirmed (PendingCard).</summary>
    public static async Task<Holder> PendingHolderAsync(PermitTestHost host, HttpClient officer, int n)
    {
        var arranged = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: n))[0];
        var number = await PermitArrange.IssueAsync(officer, arranged.ApplicationId);
        var chip = new CardHandshake($"{n + 1:0000000000000000}");
        var files = await chip.RequestFilesAsync(officer, number, 1);
        return new Holder(number, arranged.ResidentId, chip, files);
    }

    /// <summary>
    /// Gives the resident a points balance as the ledger stores it (the ledger alone writes balances, so its setters are
    /// private: set here by reflection, the way EF materialises it).
    /// </summary>
    public static async Task PointsAsync(PermitTestHost host, Guid residentId, decimal total, int insuranceMonths = 0, bool frozen = false, DateOnly? frozenUntil = null)
    {
        var balance = (PointsBalance)Activator.CreateInstance(typeof(PointsBalance), nonPublic: true)!;
        var hundredths = (int)(total * 100);
        Set(balance, nameof(PointsBalance.ResidentId), residentId);
        Set(balance, nameof(PointsBalance.TotalHundredths), hundredths);
        Set(balance, nameof(PointsBalance.Total), PointsBalance.WholePoints(hundredths));
        Set(balance, nameof(PointsBalance.Frozen), frozen);
        Set(balance, nameof(PointsBalance.FrozenUntil), frozenUntil);
        Set(balance, nameof(PointsBalance.SocialInsuranceMonths), insuranceMonths);
        Set(balance, nameof(PointsBalance.RuleSetVersion), "ningbo-zhenhai@1");
        Set(balance, nameof(PointsBalance.ComputedAt), host.Time.GetUtcNow());
        Set(balance, nameof(PointsBalance.BirthDate), new DateOnly(1990, 1, 1));
        await using var db = host.NewContext();
        db.Add(balance);
        await db.SaveChangesAsync(Ct);
    }

    private static void Set(object target, string property, object? value) =>
        target.GetType().GetProperty(property)!.SetValue(target, value);

    /// <summary>Changes the permit through its own methods, as a counter or the daily job would.</summary>
    public static async Task ChangePermitAsync(PermitTestHost host, string number, Action<ResidencePermit> change)
    {
        await using var db = host.NewContext();
        var permitNumber = PermitNumber.Parse(number);
        var permit = await db.ResidencePermits.SingleAsync(p => p.Number == permitNumber, Ct);
        change(permit);
        await db.SaveChangesAsync(Ct);
    }
}

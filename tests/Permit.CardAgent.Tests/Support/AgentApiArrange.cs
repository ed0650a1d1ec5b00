using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Passwords;

namespace Permit.CardAgent.Tests.Support;

/// <summary>What the agent tests arrange on the API: permits pending a card, officers with a password, the pinned trust root.</summary>
public static class AgentApiArrange
{
    // Residents numbered per host: their ID numbers need only be distinct within one database.
    private static readonly ConditionalWeakTable<PermitTestHost, StrongBox<int>> Residents = [];

    /// <summary>The public key of the development trust root the API made in its key directory (TEST material), to pin.</summary>
    public static string TrustRootFile(this PermitTestHost api) =>
        api.Services.GetRequiredService<Permit.Api.Keys.KeyDirectory>().PathOf(Permit.Api.Keys.Trust.TrustListSource.DevelopmentRootPublicFile);

    /// <summary>An officer account that signs in with <paramref name="password"/> (TEST password).</summary>
    public static async Task AddOfficerWithPasswordAsync(this PermitTestHost api, string userName, string password)
    {
        var hash = api.Services.GetRequiredService<PasswordHasher>().Hash(password);
        await using var db = api.NewContext();
        db.Add(OfficerAccount.Create(userName, "Test Registrar", OfficerRole.Registrar, hash, api.Time.GetUtcNow()));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// A resident registered since August 2025 whose application was approved on 2 March 2026 (arranged in the database),
    /// and the permit issued for it through HTTP, as the officer's page does: the permit is "pending card".
    /// </summary>
    public static async Task<string> IssuePendingPermitAsync(this PermitTestHost api)
    {
        var n = Interlocked.Increment(ref Residents.GetOrCreateValue(api).Value);
        using var officer = api.Officer();
        return await PermitArrange.IssueAsync(officer, await PermitArrange.ApprovedApplicationAsync(api, n));
    }

    /// <summary>GET /api/permits/{number} as an officer.</summary>
    public static async Task<JsonElement> GetPermitAsync(this PermitTestHost api, string number)
    {
        using var officer = api.Officer();
        return await officer.GetFromJsonAsync<JsonElement>($"api/permits/{number}", TestContext.Current.CancellationToken);
    }

    /// <summary>The officer gives up on the chip bound to the permit's card 1 (as the desk page's button does).</summary>
    public static async Task AbandonChipAsync(this PermitTestHost api, string number, int sequence = 1, string reason = "card pulled out before activation")
    {
        using var officer = api.Officer();
        using var response = await officer.PostAsJsonAsync($"api/permits/{number}/cards/{sequence}/personalization/abandon", new { reason }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

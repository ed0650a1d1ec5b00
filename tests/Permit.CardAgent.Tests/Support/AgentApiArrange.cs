using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Passwords;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Credentials;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.CardAgent.Tests.Support;

/// <summary>What the agent tests arrange on the API: permits pending a card, officers with a password, the pinned trust root.</summary>
public static class AgentApiArrange
{
    private static readonly DateOnly ApprovedOn = new(2026, 3, 2);

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
        var applicationId = await ApprovedApplicationAsync(api, n);
        using var officer = api.Officer();
        using var response = await officer.PostAsJsonAsync("api/permits", new { applicationId }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("permit").GetProperty("permitNumber").GetString()!;
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

    private static async Task<Guid> ApprovedApplicationAsync(PermitTestHost api, int n)
    {
        var seventeen = $"53010219900508{(2 * n) + 1:000}";
        var registeredOn = new DateOnly(2025, 8, 1);
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(seventeen + PermitFormats.Mod112CheckCharacter(seventeen)), "李小龙", Sex.Male, EthnicGroup.Han,
            new DateOnly(1990, 5, 8), "云南省昆明市五华区护国路1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道民和路88号", CommunityCode.Parse("330211003001"), registeredOn, registeredOn,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.IdCard, "ID", ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.Photo, "PHOTO", ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.LabourContract, "LC-1", ApprovedOn.AddDays(-1));
        application.Accept(ApprovedOn.AddDays(-1));
        application.Approve(new Official("supervisor-1", OfficialRole.Supervisor), ApprovedOn);
        await using var db = api.NewContext();
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return application.Id;
    }
}

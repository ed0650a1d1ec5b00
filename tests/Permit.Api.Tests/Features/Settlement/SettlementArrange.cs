using System.Globalization;
using Permit.Api.Features.Entitlements;
using Permit.Api.Features.Families;
using Permit.Api.Features.Settlement;
using Permit.Domain.Credentials;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;

namespace Permit.Api.Tests.Features.Settlement;

/// <summary>Builders for family and settlement tests: children registered by a guardian, links, applications, card reads.</summary>
internal static class SettlementArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A valid citizen ID number of a child born <paramref name="born"/> (yyyyMMdd) in 镇海区.</summary>
    public static string ChildIdNumber(string born, int n)
    {
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"330211{born}{(2 * n) + 2:000}");
        return seventeen + PermitFormats.Mod112CheckCharacter(seventeen);
    }

    public static Task<HttpResponseMessage> RegisterChildAsync(HttpClient registrar, Guid guardian, string idNumber, bool consent = true, string name = "王小宝") =>
        registrar.PostAsJsonAsync($"/api/residents/{guardian}/family/children", new
        {
            idNumber, name, ethnicGroup = "01", hukouAddress = "北京市东城区东华门街道1号", birthCertificateNumber = "P330012345",
            guardianConsent = consent, consentReference = "监护人同意书 2026-001",
        }, Ct);

    public static async Task<FamilyMemberResponse> ChildAsync(HttpClient registrar, Guid guardian, string idNumber)
    {
        using var response = await RegisterChildAsync(registrar, guardian, idNumber);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FamilyMemberResponse>(Ct))!;
    }

    public static async Task LinkAsync(HttpClient registrar, Guid resident, Guid member, string relationship, string evidenceKind)
    {
        using var response = await registrar.PostAsJsonAsync($"/api/residents/{resident}/family",
            new { memberId = member, relationship, evidenceKind, evidenceReference = "证 2026-7" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static Task<HttpResponseMessage> ApplyAsync(HttpClient registrar, Guid applicant, string category, string[] documents, params Guid[] members) =>
        registrar.PostAsJsonAsync("/api/settlement/applications", new
        {
            applicantId = applicant, category, documents, members = members.Select(m => new { memberId = m }).ToArray(),
        }, Ct);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient officer, Guid application, string decision, string reasons = "经审核，符合市域内迁移落户条件") =>
        officer.PostAsJsonAsync($"/api/settlement/applications/{application}/decision", new { decision, reasons }, Ct);

    /// <summary>What the counter page posts after reading the holder's card: its files and the chip's answer to a server challenge.</summary>
    public static async Task<EntitlementAnswer?> CardAtCounterAsync(HttpClient terminal, Holder holder)
    {
        var challenge = await CardHandshake.ChallengeAsync(terminal);
        var read = new
        {
            service = "compulsory-education",
            files = new { permit = holder.Files.PermitFile, photo = holder.Files.PhotoFile, chipKey = holder.Files.ChipKeyFile, signature = holder.Files.SignatureFile },
            verdict = new { genuine = true, checks = new[] { new { check = "chip-signature", outcome = "passed" } } },
            chip = new { challenge = Convert.ToBase64String(challenge), response = Convert.ToBase64String(holder.Chip.Answer(challenge)) },
        };
        using var response = await terminal.PostAsJsonAsync("/api/entitlements/lookups/card", read, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<EntitlementAnswer>(Ct);
    }
}

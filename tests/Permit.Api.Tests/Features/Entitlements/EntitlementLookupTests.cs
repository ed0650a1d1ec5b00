using Permit.Api.Features.Entitlements;
using Permit.Domain.Entitlements;
using Permit.Domain.Permits;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;

namespace Permit.Api.Tests.Features.Entitlements;

/// <summary>Lookups by permit number: every reason code the policy can give, the terminals' scopes, the audit line, and what is shown.</summary>
public sealed class EntitlementLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpResponseMessage Response, EntitlementAnswer? Answer)> AskAsync(HttpClient terminal, string number, string service)
    {
        var response = await terminal.GetAsync(new Uri($"/api/entitlements/permits/{number}?service={service}&purpose=enrolment", UriKind.Relative), Ct);
        var answer = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<EntitlementAnswer>(Ct) : null;
        return (response, answer);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_school_learns_that_an_active_holder_may_enrol_a_child_and_sees_only_name_and_photo(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "镇海实验小学", ServiceCategory.Education);

        var (response, answer) = await AskAsync(school, holder.Number, "compulsory-education");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answer!.Eligible);
        Assert.Equal(EntitlementReasons.Eligible, answer.ReasonCode);
        Assert.Null(answer.EarliestEligibleOn);
        Assert.Equal(("Active", new DateOnly(2027, 3, 9)), (answer.Permit!.Status, answer.Permit.ValidUntil));
        Assert.Equal("张伟", answer.Holder!.Name);
        Assert.Equal("permit-number", answer.Credential.Presented);
        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(PermitArrange.IdNumber(0), json, StringComparison.Ordinal);
        Assert.DoesNotContain("北京市", json, StringComparison.Ordinal);
        Assert.DoesNotContain("镇海区骆驼街道", json, StringComparison.Ordinal);
        var fields = AllPropertyNames(JsonDocument.Parse(json).RootElement);
        Assert.DoesNotContain(fields, f => f.Contains("idnumber", StringComparison.OrdinalIgnoreCase)
            || f.Contains("citizen", StringComparison.OrdinalIgnoreCase) || f.Contains("address", StringComparison.OrdinalIgnoreCase)
            || f.Contains("birth", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Every_lookup_is_audited_with_the_terminal_the_service_whose_record_and_the_purpose(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "庄市社区卫生服务中心", ServiceCategory.Health);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AskAsync(clinic, holder.Number, "basic-medical-care")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode));
        await using var db = host.NewContext();
        var lines = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == EntitlementLookups.AuditAction).ToListAsync(Ct);
        Assert.Equal(20, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal(holder.ResidentId, line.ResidentId);
            Assert.Equal("verifier", line.ActorRole);
            Assert.Equal("庄市社区卫生服务中心", line.ActorName);
            Assert.StartsWith("terminal:", line.Terminal, StringComparison.Ordinal);
            Assert.Equal("basic-medical-care by permit-number → eligible: enrolment", line.Purpose);
        });
        using var admin = host.Officer(Permit.Api.Security.Accounts.OfficerRole.Admin);
        var verification = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify", Ct);
        Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
        foreach (var a in answers)
            a.Response.Dispose();
    }

    [Fact]
    public async Task A_terminal_is_offered_only_the_services_of_its_categories()
    {
        await using var host = new PermitTestHost();
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);

        var schoolServices = await school.GetFromJsonAsync<List<TerminalService>>("/api/entitlements/services", Ct);
        var clinicServices = await clinic.GetFromJsonAsync<List<TerminalService>>("/api/entitlements/services", Ct);

        Assert.Equal(["compulsory-education", "school-place-by-points"], schoolServices!.Select(s => s.Code));
        Assert.Equal(["basic-medical-care", "family-planning-services", "free-health-check"], clinicServices!.Select(s => s.Code));
        Assert.All(clinicServices!, s => Assert.Equal("Health", s.Category));
    }

    [Theory]
    [InlineData("Education", "basic-medical-care")]
    [InlineData("Education", "free-health-check")]
    [InlineData("Health", "compulsory-education")]
    [InlineData("Health", "school-place-by-points")]
    [InlineData("Health", "public-rental-housing")]
    public async Task Asking_about_a_service_outside_the_terminals_categories_is_forbidden_and_reads_no_record(string category, string service)
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var terminal = await TerminalAsync(host, "terminal", Enum.Parse<ServiceCategory>(category));

        var (response, _) = await AskAsync(terminal, holder.Number, service);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.EndsWith("/entitlement-service-out-of-scope", await PermitIssuanceTests.ProblemTypeAsync(response));
        Assert.DoesNotContain("张伟", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var db = host.NewContext();
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.Action == EntitlementLookups.AuditAction, Ct));
        response.Dispose();
    }

    [Fact]
    public async Task A_permit_waiting_for_its_card_is_not_yet_usable()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await PendingHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);

        var (_, answer) = await AskAsync(school, holder.Number, "compulsory-education");

        Assert.Equal((false, EntitlementReasons.PermitPendingCard), (answer!.Eligible, answer.ReasonCode));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_permit_whose_endorsement_was_missed_is_suspended_and_past_its_date_it_is_expired(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var expired = await ActiveHolderAsync(host, officer, 0);
        var suspended = await ActiveHolderAsync(host, officer, 1);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        host.Time.Advance(TimeSpan.FromDays(367));
        await ChangePermitAsync(host, suspended.Number, p => p.SuspendForMissedEndorsement(new DateOnly(2027, 3, 12)));

        var (_, expiredAnswer) = await AskAsync(school, expired.Number, "compulsory-education");
        var (_, suspendedAnswer) = await AskAsync(school, suspended.Number, "compulsory-education");

        Assert.Equal((false, EntitlementReasons.PermitExpired), (expiredAnswer!.Eligible, expiredAnswer.ReasonCode));
        Assert.Contains("2027-03-09", expiredAnswer.MessageEn, StringComparison.Ordinal);
        Assert.Equal((false, EntitlementReasons.PermitSuspended, "Suspended"),
            (suspendedAnswer!.Eligible, suspendedAnswer.ReasonCode, suspendedAnswer.Permit!.Status));
    }

    [Fact]
    public async Task A_revoked_and_a_terminated_permit_are_refused_with_their_own_reasons()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var revoked = await ActiveHolderAsync(host, officer, 0);
        var terminated = await ActiveHolderAsync(host, officer, 1);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);
        var today = new DateOnly(2026, 3, 10);
        await ChangePermitAsync(host, revoked.Number, p => p.RevokeForFraud("forged labour contract", today));
        await ChangePermitAsync(host, terminated.Number, p => p.Terminate(PermitEndReason.LocalHukou, today));

        var (_, revokedAnswer) = await AskAsync(clinic, revoked.Number, "basic-medical-care");
        var (_, terminatedAnswer) = await AskAsync(clinic, terminated.Number, "basic-medical-care");

        Assert.Equal((false, EntitlementReasons.PermitRevoked), (revokedAnswer!.Eligible, revokedAnswer.ReasonCode));
        Assert.Equal((false, EntitlementReasons.PermitTerminated), (terminatedAnswer!.Eligible, terminatedAnswer.ReasonCode));
    }

    [Fact]
    public async Task A_points_tiered_service_without_points_on_record_is_below_the_threshold()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);

        var (_, answer) = await AskAsync(clinic, holder.Number, "free-health-check");

        Assert.Equal((false, EntitlementReasons.PointsBelowThreshold), (answer!.Eligible, answer.ReasonCode));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Points_tiered_services_go_by_the_points_balance_a_freeze_and_the_waiting_periods(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var officer = host.Officer();
        var enough = await ActiveHolderAsync(host, officer, 0);
        var tooFew = await ActiveHolderAsync(host, officer, 1);
        var frozen = await ActiveHolderAsync(host, officer, 2);
        await PointsAsync(host, enough.ResidentId, 75.5m, insuranceMonths: 3);
        await PointsAsync(host, tooFew.ResidentId, 29.75m);
        await PointsAsync(host, frozen.ResidentId, 120m, frozen: true);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);

        var (_, fresh) = await AskAsync(clinic, enough.Number, "free-health-check");
        var (_, below) = await AskAsync(clinic, tooFew.Number, "free-health-check");
        var (_, frozenAnswer) = await AskAsync(clinic, frozen.Number, "free-health-check");

        // Issued 10 March 2026; the health check needs 30 points and the permit held 6 months.
        Assert.Equal((false, EntitlementReasons.PermitHeldTooBriefly, new DateOnly(2026, 9, 10)),
            (fresh!.Eligible, fresh.ReasonCode, fresh.EarliestEligibleOn));
        Assert.Equal((false, EntitlementReasons.PointsBelowThreshold), (below!.Eligible, below.ReasonCode));
        Assert.Contains("29.75", below.MessageEn, StringComparison.Ordinal);
        Assert.Equal((false, EntitlementReasons.PointsFrozen, (DateOnly?)null), (frozenAnswer!.Eligible, frozenAnswer.ReasonCode, frozenAnswer.EarliestEligibleOn));
    }

    [Fact]
    public async Task School_places_by_points_wait_for_twelve_months_of_insurance_and_a_lifted_freeze_no_longer_counts()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var uninsured = await ActiveHolderAsync(host, officer, 0);
        var insured = await ActiveHolderAsync(host, officer, 1);
        var thawed = await ActiveHolderAsync(host, officer, 2);
        await PointsAsync(host, uninsured.ResidentId, 75m, insuranceMonths: 3);
        await PointsAsync(host, insured.ResidentId, 75m, insuranceMonths: 12);
        await PointsAsync(host, thawed.ResidentId, 120m, frozen: true, frozenUntil: new DateOnly(2026, 3, 31));
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        // Endorse in the window so the permit stays valid past its first anniversary.
        host.Time.Advance(TimeSpan.FromDays(360));
        foreach (var number in new[] { uninsured.Number, insured.Number, thawed.Number })
            await ChangePermitAsync(host, number, p => p.Endorse(new DateOnly(2027, 3, 5), holderStillQualifies: true));
        host.Time.Advance(TimeSpan.FromDays(10));

        var (_, short9) = await AskAsync(school, uninsured.Number, "school-place-by-points");
        var (_, placed) = await AskAsync(school, insured.Number, "school-place-by-points");
        var (_, thawedAnswer) = await AskAsync(clinic, thawed.Number, "free-health-check");

        // 15 March 2027: held a year, but 3 of 12 months of insurance, so 9 more months.
        Assert.Equal((false, EntitlementReasons.SocialInsuranceTooShort, new DateOnly(2027, 12, 15)),
            (short9!.Eligible, short9.ReasonCode, short9.EarliestEligibleOn));
        Assert.Equal((true, EntitlementReasons.Eligible), (placed!.Eligible, placed.ReasonCode));
        Assert.Equal((true, EntitlementReasons.Eligible), (thawedAnswer!.Eligible, thawedAnswer.ReasonCode));
    }

    [Fact]
    public async Task A_service_the_district_does_not_offer_is_answered_as_unknown_without_reading_a_record()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var clinic = await TerminalAsync(host, "clinic", ServiceCategory.Health);

        var (response, answer) = await AskAsync(clinic, holder.Number, "space-travel");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((false, EntitlementReasons.UnknownService), (answer!.Eligible, answer.ReasonCode));
        Assert.Null(answer.Holder);
        response.Dispose();
    }

    [Fact]
    public async Task A_malformed_or_unknown_permit_number_or_a_missing_service_is_a_clear_problem()
    {
        await using var host = new PermitTestHost();
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var unknown = PermitNumber.Create(Domain.Regions.RegionCode.Parse("330211"), 2026, 9_999_999).Value;

        var (malformed, _) = await AskAsync(school, "33021120260000001", "compulsory-education");
        var (missing, _) = await AskAsync(school, unknown, "compulsory-education");
        using var noService = await school.GetAsync(new Uri($"/api/entitlements/permits/{unknown}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.EndsWith("/permit-not-found", await PermitIssuanceTests.ProblemTypeAsync(missing));
        Assert.Equal(HttpStatusCode.BadRequest, noService.StatusCode);
        malformed.Dispose();
        missing.Dispose();
    }

    private static List<string> AllPropertyNames(JsonElement element)
    {
        var names = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                names.AddRange(AllPropertyNames(property.Value));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                names.AddRange(AllPropertyNames(item));
        }

        return names;
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace Permit.CardAgent.Tests.Issuing;

/// <summary>
/// <c>permit-agent personalize --api</c> against the permit API running for real on a loopback port, with the card in an
/// in-process reader (the same runs over the real pcscd are in EndToEnd/ApiPersonalizationOverPcscdTests).
/// </summary>
public sealed class PersonalizeFromApiTests(AgentApi api) : IClassFixture<AgentApi>
{
    [Fact]
    public async Task A_pending_permit_gets_its_card_written_activated_and_confirmed_and_the_card_verifies_against_the_api_trust_list()
    {
        var permit = await api.IssuePendingPermitAsync();
        var card = PersonalizeCommandTests.BlankCard();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(card));

        var run = await PersonalizeAsync(terminals, permit, "--json");
        var read = await Agent.RunAsync(Agent.Host(terminals) with { Time = api.Time }, "read-permit", "--api", api.BaseAddress.AbsoluteUri, "--trust-root", api.TrustRootFile(), "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        Assert.Equal("issued", run.Json.GetProperty("status").GetString());
        Assert.False(run.Json.GetProperty("recovered").GetBoolean());
        var state = await api.GetPermitAsync(permit);
        Assert.Equal("Active", state.GetProperty("status").GetString());
        Assert.Equal("Issued", state.GetProperty("cards")[0].GetProperty("status").GetString());
        Assert.True(read.ExitCode == ExitCodes.Ok, read.ToString());
        Assert.Equal(permit, read.Json.GetProperty("permit").GetProperty("permitNumber").GetString());
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "issuer-signature"));
        Assert.Equal("passed", PersonalizeCommandTests.Check(read.Json, "chip-signature"));
    }

    [Fact]
    public async Task The_steps_are_printed_in_order_and_the_card_serial_and_token_never_are()
    {
        var permit = await api.IssuePendingPermitAsync();
        var serial = PermitCard.NewSerial();
        var card = PermitCard.CreateBlank(serial, PermitCard.DefaultTransportCode.Span);
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(card));
        var token = api.OfficerToken();

        var run = await Agent.RunAsync(terminals, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", token);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var steps = run.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.Contains(' ', StringComparison.Ordinal)).ToArray();
        Assert.Equal(["key-pair", "prepare", "write-permit", "write-photo", "write-chipkey", "write-signature", "read-back", "activate", "confirm"], steps);
        Assert.DoesNotContain(token, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(serial), run.Output + run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_officer_may_sign_in_with_user_name_and_the_password_on_standard_input()
    {
        var permit = await api.IssuePendingPermitAsync();
        await api.AddOfficerWithPasswordAsync("desk-li", "TEST-ONLY correct horse battery");
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        var host = Agent.Host(terminals) with { Input = new StringReader("TEST-ONLY correct horse battery\n") };

        var run = await Agent.RunAsync(host, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--user", "desk-li", "--json");
        var wrong = await Agent.RunAsync(host with { Input = new StringReader("not the password\n") },
            "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--user", "desk-li", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(ExitCodes.ApiRefused, wrong.ExitCode);
        Assert.Equal("api-unauthorized", Code(wrong));
    }

    [Fact]
    public async Task The_token_may_come_from_PERMIT_API_TOKEN()
    {
        var permit = await api.IssuePendingPermitAsync();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        var token = api.OfficerToken();
        var host = Agent.Host(terminals) with { Environment = name => name == "PERMIT_API_TOKEN" ? token : null };

        var run = await Agent.RunAsync(host, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
    }

    [Fact]
    public async Task An_unknown_permit_is_refused_by_name_before_the_card_is_touched()
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        var terminals = new InProcessTerminals(permitReader: reader);

        var run = await PersonalizeAsync(terminals, TestIssuer.WithCheck("33021120269999999"), "--json");
        var malformed = await PersonalizeAsync(terminals, "330211202699999990", "--json");

        Assert.Equal(ExitCodes.ApiRefused, run.ExitCode);
        Assert.Equal("permit-not-found", Code(run));
        Assert.Contains("no such permit", run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ApiRefused, malformed.ExitCode);
        Assert.Equal("api-permit-number-format", Code(malformed));
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    [Fact]
    public async Task Without_a_valid_sign_in_the_api_answers_401_and_the_card_is_not_touched()
    {
        var permit = await api.IssuePendingPermitAsync();
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        var terminals = new InProcessTerminals(permitReader: reader);

        var forged = await Agent.RunAsync(terminals, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", "not-a-token", "--json");
        var none = await Agent.RunAsync(terminals, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--json");

        Assert.Equal(ExitCodes.ApiRefused, forged.ExitCode);
        Assert.Equal("api-unauthorized", Code(forged));
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
        Assert.Contains("PERMIT_API_TOKEN", none.Error, StringComparison.Ordinal);
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    [Fact]
    public async Task An_unreachable_api_is_reported_as_such_and_the_card_is_not_touched()
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());
        var terminals = new InProcessTerminals(permitReader: reader);
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/";
        listener.Stop();

        var run = await Agent.RunAsync(terminals, "personalize", "--api", closed, "--permit", "330211202600000019", "--token", "t", "--json");

        Assert.Equal(ExitCodes.ApiUnavailable, run.ExitCode);
        Assert.Equal("api-unreachable", Code(run));
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    [Fact]
    public async Task A_permit_whose_card_is_already_issued_is_not_pending_and_a_fresh_blank_card_stays_blank()
    {
        var permit = await api.IssuePendingPermitAsync();
        var first = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        Assert.Equal(ExitCodes.Ok, (await PersonalizeAsync(first, permit)).ExitCode);
        var blank = PersonalizeCommandTests.BlankCard();

        var run = await PersonalizeAsync(new InProcessTerminals(permitReader: new InProcessReader(blank)), permit, "--json");

        Assert.Equal(ExitCodes.ApiRefused, run.ExitCode);
        Assert.Equal("permit-not-pending", Code(run));
        Assert.Equal(CardLifeCycle.Blank, blank.LifeCycle);
    }

    [Fact]
    public async Task A_terminated_permit_takes_no_card_and_the_card_is_not_touched()
    {
        var permit = await api.IssuePendingPermitAsync();
        using (var officer = api.Officer())
        {
            using var ended = await officer.PostAsJsonAsync($"api/permits/{permit}/termination", new { reason = "LocalHukou" }, TestContext.Current.CancellationToken);
            Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());

        var run = await PersonalizeAsync(new InProcessTerminals(permitReader: reader), permit, "--json");

        Assert.Equal(ExitCodes.ApiRefused, run.ExitCode);
        Assert.Equal("permit-not-pending", Code(run));
        Assert.Contains("Terminated", Message(run), StringComparison.Ordinal);
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    [Fact]
    public async Task Another_permits_active_card_is_refused_as_the_wrong_card_and_the_permit_stays_pending()
    {
        var mine = await api.IssuePendingPermitAsync();
        var theirs = await api.IssuePendingPermitAsync();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        Assert.Equal(ExitCodes.Ok, (await PersonalizeAsync(terminals, theirs)).ExitCode);

        var run = await PersonalizeAsync(terminals, mine, "--json");

        Assert.Equal(ExitCodes.WrongCard, run.ExitCode);
        Assert.Equal("wrong-card", Code(run));
        Assert.Equal("PendingCard", (await api.GetPermitAsync(mine)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_card_pulled_at_any_APDU_leaves_the_permit_pending_and_running_the_command_again_after_abandoning_a_bound_chip_completes_it()
    {
        var probe = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        var full = await PersonalizeAsync(probe, await api.IssuePendingPermitAsync(), "--json");
        var apdus = full.Json.GetProperty("figures").GetProperty("apdus").GetInt32();
        Assert.True(apdus > 10, full.ToString());

        for (var position = 1; position <= apdus; position++)
        {
            var permit = await api.IssuePendingPermitAsync();
            var card = PersonalizeCommandTests.BlankCard();
            var reader = new InProcessReader(card);
            var terminals = new InProcessTerminals(permitReader: reader);
            reader.Faults.DropConnectionAt(position);

            var interrupted = await PersonalizeAsync(terminals, permit);

            Assert.True(interrupted.ExitCode == ExitCodes.NoCard, $"APDU {position}: {interrupted}");
            Assert.Equal("PendingCard", (await api.GetPermitAsync(permit)).GetProperty("status").GetString());
            reader.Insert();
            var retried = await PersonalizeAsync(terminals, permit, "--json");
            if (retried.ExitCode == ExitCodes.ApiRefused && Code(retried) == "card-chip-bound")
            {
                // Pulled after the API had bound its first key: the card's next key is another chip's, so the officer
                // abandons the first (the agent says so), and the run after that completes.
                Assert.Contains("Abandon the earlier chip", Message(retried), StringComparison.Ordinal);
                await api.AbandonChipAsync(permit);
                retried = await PersonalizeAsync(terminals, permit, "--json");
            }

            Assert.True(retried.ExitCode == ExitCodes.Ok, $"retry after APDU {position}: {retried}");
            Assert.Equal("Active", (await api.GetPermitAsync(permit)).GetProperty("status").GetString());
            var read = await Agent.RunAsync(Agent.Host(terminals) with { Time = api.Time }, "read-permit", "--api", api.BaseAddress.AbsoluteUri, "--trust-root", api.TrustRootFile(), "--json");
            Assert.True(read.ExitCode == ExitCodes.Ok, $"read after APDU {position}: {read}");
        }
    }

    [Theory]
    [InlineData(LosingHandler.Loss.Request)]
    [InlineData(LosingHandler.Loss.Answer)]
    public async Task A_lost_confirmation_leaves_an_active_card_that_running_the_command_again_confirms(LosingHandler.Loss loss)
    {
        var permit = await api.IssuePendingPermitAsync();
        var card = PersonalizeCommandTests.BlankCard();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(card));
        using var losing = new LosingHandler(loss);
        var lossy = Agent.Host(terminals) with { ApiClients = url => new HttpClient(losing, disposeHandler: false) { BaseAddress = url } };

        var lost = await Agent.RunAsync(lossy, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", api.OfficerToken(), "--json");
        var statusAfterLoss = (await api.GetPermitAsync(permit)).GetProperty("status").GetString();
        var again = await PersonalizeAsync(terminals, permit, "--json");
        var twice = await PersonalizeAsync(terminals, permit, "--json");

        Assert.Equal(ExitCodes.ApiUnavailable, lost.ExitCode);
        Assert.Contains("run the same command again", Message(lost), StringComparison.Ordinal);
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        Assert.Equal(loss == LosingHandler.Loss.Request ? "PendingCard" : "Active", statusAfterLoss);
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.True(again.Json.GetProperty("recovered").GetBoolean());
        Assert.True(twice.ExitCode == ExitCodes.Ok, twice.ToString());
        Assert.Equal("Active", (await api.GetPermitAsync(permit)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task When_the_api_drops_out_before_the_files_arrive_the_card_stays_blank_and_a_retry_completes_it()
    {
        var permit = await api.IssuePendingPermitAsync();
        var card = PersonalizeCommandTests.BlankCard();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(card));
        using var losing = new LosingHandler(LosingHandler.Loss.Request, "/personalization");
        var lossy = Agent.Host(terminals) with { ApiClients = url => new HttpClient(losing, disposeHandler: false) { BaseAddress = url } };

        var lost = await Agent.RunAsync(lossy, "personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", api.OfficerToken(), "--json");
        var blankAfterLoss = card.LifeCycle;
        var again = await PersonalizeAsync(terminals, permit, "--json");

        Assert.Equal(ExitCodes.ApiUnavailable, lost.ExitCode);
        Assert.Equal("api-unreachable", Code(lost));
        Assert.Equal(CardLifeCycle.Blank, blankAfterLoss);
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.False(again.Json.GetProperty("recovered").GetBoolean());
    }

    [Fact]
    public async Task Read_permit_takes_the_trust_list_from_a_url_or_a_file_and_refuses_a_card_no_listed_key_signed()
    {
        var permit = await api.IssuePendingPermitAsync();
        var terminals = new InProcessTerminals(permitReader: new InProcessReader(PersonalizeCommandTests.BlankCard()));
        Assert.Equal(ExitCodes.Ok, (await PersonalizeAsync(terminals, permit)).ExitCode);
        var file = Path.Combine(Path.GetTempPath(), $"trust-list-{Guid.NewGuid():N}.cose");
        using var anonymous = new HttpClient();
        await File.WriteAllBytesAsync(file, await anonymous.GetByteArrayAsync(new Uri(api.BaseAddress.AbsoluteUri + "api/trust-list"), TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);
        // The test API's development root (TEST material), pinned as an installer would pin the real one.
        var root = api.Services.GetRequiredService<Permit.Api.Keys.KeyDirectory>().PathOf(Permit.Api.Keys.Trust.TrustListSource.DevelopmentRootPublicFile);
        using var stranger = new TestIssuer();

        try
        {
            // Without revocation data nothing is confirmed: the API's current list goes along (read on the API's clock).
            await File.WriteAllBytesAsync(file + ".rl", await anonymous.GetByteArrayAsync(new Uri(api.BaseAddress.AbsoluteUri + "api/revocation-list"), TestContext.Current.CancellationToken),
                TestContext.Current.CancellationToken);
            var onApiClock = Agent.Host(terminals) with { Time = api.Time };
            var byUrl = await Agent.RunAsync(onApiClock, "read-permit", "--trust-list", api.BaseAddress.AbsoluteUri + "api/trust-list", "--trust-root", root, "--revocation", file + ".rl", "--json");
            var byFile = await Agent.RunAsync(onApiClock, "read-permit", "--trust-list", file, "--trust-root", root, "--revocation", file + ".rl", "--json");
            var foreignRoot = await Agent.RunAsync(terminals, "read-permit", "--trust-list", file, "--trust-root", stranger.RootPublicKeyPath, "--json");
            var strangers = await Agent.RunAsync(terminals, "read-permit", "--trust", stranger.PublicKeyPath, "--json");

            Assert.True(byUrl.ExitCode == ExitCodes.Ok, byUrl.ToString());
            Assert.True(byFile.ExitCode == ExitCodes.Ok, byFile.ToString());
            Assert.Equal(ExitCodes.NotGenuine, strangers.ExitCode);
            Assert.Equal(ExitCodes.DataInvalid, foreignRoot.ExitCode);
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".rl");
        }
    }

    [Theory]
    [InlineData("--data", "permit.json")]
    [InlineData("--issuer-key", "key.pem")]
    public async Task Local_files_and_the_api_do_not_mix(string option, string value)
    {
        var reader = new InProcessReader(PersonalizeCommandTests.BlankCard());

        var run = await PersonalizeAsync(new InProcessTerminals(permitReader: reader), "330211202600000019", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, reader.Faults.ApdusAnswered);
    }

    private Task<AgentRun> PersonalizeAsync(InProcessTerminals terminals, string permit, params string[] extra) =>
        Agent.RunAsync(terminals, ["personalize", "--api", api.BaseAddress.AbsoluteUri, "--permit", permit, "--token", api.OfficerToken(), .. extra]);

    private static string? Code(AgentRun run) => Error(run).GetProperty("code").GetString();

    private static string Message(AgentRun run) => Error(run).GetProperty("message").GetString()!;

    private static JsonElement Error(AgentRun run) => run.Json.GetProperty("error");
}

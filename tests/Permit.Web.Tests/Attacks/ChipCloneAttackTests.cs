using System.Security.Cryptography;

namespace Permit.Web.Tests.Attacks;

/// <summary>
/// A registrar (or anyone holding an officer token) trying to mint a genuine-looking clone, end to end: the real API
/// over HTTP, the real <c>permit-agent serve</c> process, emulated cards in a private pcscd. Each test is named for
/// the attack and shows it fails.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class ChipCloneAttackTests(PcscRigFixture pcsc)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_chip_key_for_one_card_is_refused_and_the_blank_card_is_never_activated()
    {
        var rig = pcsc.Rig;
        await using var scene = await Scene.StartAsync(rig);
        // The attacker first has files signed for a chip key of their own (an emulator they control).
        var attackerChip = await scene.PrepareForOwnChipAsync();

        var card = Cards.Blank(Path.Combine(scene.Folder, "genuine.json"));
        JsonElement refusal;
        await using (await CardSlot.InsertAsync(rig, 1, card))
            refusal = await scene.Agent.PostExpectingFailureAsync("/permit-card/personalize",
                new { permit = scene.Number }, await scene.Agent.TicketAsync("personalize", scene.Number));

        Assert.EndsWith("card-chip-bound", refusal.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Contains("Abandon the earlier chip", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(CardLifeCycle.Active, card.LifeCycle);
        // And asking the API directly for a second chip's files is refused too.
        var (_, secondChipKey) = ChipKey.Generate();
        using var second = await scene.Registrar.PostAsJsonAsync($"/api/permits/{scene.Number}/cards/1/personalization",
            new { serial = Convert.ToHexString(PermitCard.NewSerial()), chipKey = Convert.ToBase64String(secondChipKey) }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.NotNull(attackerChip);
    }

    [Fact]
    public async Task Files_signed_for_an_abandoned_chip_written_to_an_emulated_card_are_refused_online_and_offline_after_sync()
    {
        var rig = pcsc.Rig;
        await using var scene = await Scene.StartAsync(rig);
        var clone = await scene.PrepareForOwnChipAsync();
        await scene.AbandonAsync("card pulled out before activation");
        await scene.WriteGenuineCardAsync();

        // Online: the register's confirmed chip key is the genuine card's, not the clone's.
        var online = await scene.LookUpAsync(clone);
        // Offline: a counter agent (paired by the clinic's terminal) that synced after the abandonment has the chip key on its status list.
        await using var counterAgent = await AgentProcess.StartAsync(rig, scene.Host, AgentProcess.FreePort(), syncFromApi: true, terminalKey: scene.ClinicKey);
        JsonElement offline;
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(clone)))
            offline = await scene.ReadAsync(counterAgent, new { });

        Assert.Equal("clone-suspected", online.GetProperty("credential").GetProperty("refusalReason").GetString());
        Assert.False(online.GetProperty("eligible").GetBoolean());
        Assert.False(offline.GetProperty("verdict").GetProperty("genuine").GetBoolean());
        Assert.Equal("clone-suspected", offline.GetProperty("verdict").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_replayed_or_self_made_challenge_is_refused_by_the_card_lookup()
    {
        var rig = pcsc.Rig;
        await using var scene = await Scene.StartAsync(rig);
        var genuine = await scene.WriteGenuineCardAsync();

        JsonElement selfMade, serverRead;
        var serverChallenge = await scene.ChallengeAsync();
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(genuine)))
        {
            selfMade = await scene.ReadAsync(scene.Counter, new { challenge = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) });
            serverRead = await scene.ReadAsync(scene.Counter, new { challenge = serverChallenge });
        }

        using var withSelfMade = await scene.PostLookupAsync(selfMade);
        using var first = await scene.PostLookupAsync(serverRead);
        using var replayed = await scene.PostLookupAsync(serverRead);

        Assert.Equal(HttpStatusCode.Conflict, withSelfMade.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Contains("card-challenge-unknown", await replayed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clone_with_genuine_files_and_its_own_chip_key_is_clone_suspected_online_even_though_the_agent_says_it_passed()
    {
        var rig = pcsc.Rig;
        await using var scene = await Scene.StartAsync(rig);
        var clone = await scene.PrepareForOwnChipAsync();
        await scene.AbandonAsync("damaged");
        await scene.WriteGenuineCardAsync();

        // The counter's agent has not synced since the scene started: to it the clone's files and chip are consistent.
        var challenge = await scene.ChallengeAsync();
        JsonElement read;
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(clone)))
            read = await scene.ReadAsync(scene.Counter, new { challenge });
        using var lookup = await scene.PostLookupAsync(read);
        var answer = await lookup.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.True(read.GetProperty("verdict").GetProperty("genuine").GetBoolean(), read.ToString());
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal("clone-suspected", answer.GetProperty("credential").GetProperty("refusalReason").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("holder").ValueKind);
    }

    /// <summary>
    /// An API with a pending permit, a registrar, a clinic terminal, the desk agent (paired by the registrar: it writes
    /// cards) and the clinic's counter agent (paired by the terminal: it reads them, sealing the files for the API).
    /// </summary>
    private sealed class Scene : IAsyncDisposable
    {
        private readonly PcscRig _rig;
        private readonly DirectoryInfo _folder;

        private Scene(PcscRig rig, DirectoryInfo folder, PermitTestHost host, AgentProcess agent, AgentProcess counter, HttpClient registrar, HttpClient clinic,
            string clinicKey, string number)
        {
            _rig = rig;
            _folder = folder;
            Host = host;
            Agent = agent;
            Counter = counter;
            ClinicKey = clinicKey;
            Registrar = registrar;
            Clinic = clinic;
            Number = number;
        }

        public PermitTestHost Host { get; }

        /// <summary>The desk agent (personalize tickets from the registrar).</summary>
        public AgentProcess Agent { get; }

        /// <summary>The clinic's counter agent, synced only as the scene starts (read-permit tickets from the clinic's terminal).</summary>
        public AgentProcess Counter { get; }

        public string ClinicKey { get; }

        public HttpClient Registrar { get; }

        public HttpClient Clinic { get; }

        public string Number { get; }

        public string Folder => _folder.FullName;

        public static async Task<Scene> StartAsync(PcscRig rig)
        {
            var folder = Directory.CreateTempSubdirectory("permit-web-attack-");
            var agentPort = AgentProcess.FreePort();
            var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{agentPort}"));
            // The agents check with the real clock: the API's must not lag behind it.
            if (DateTimeOffset.UtcNow > host.Time.GetUtcNow())
                host.Time.SetUtcNow(DateTimeOffset.UtcNow);
            await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
            var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
            var agent = await AgentProcess.StartAsync(rig, host, agentPort);
            // The counter synced its lists once, now, before any card of this permit exists (it next syncs in 15 minutes).
            var counter = await AgentProcess.StartAsync(rig, host, AgentProcess.FreePort(), syncFromApi: true, terminalKey: clinicKey);
            var registrar = await host.BearerClientAsync("li.registrar");
            var clinic = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            clinic.DefaultRequestHeaders.Add("X-Api-Key", clinicKey);
            var number = await PermitArrange.IssueAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 7, "周杰"));
            return new Scene(rig, folder, host, agent, counter, registrar, clinic, clinicKey, number);
        }

        /// <summary>
        /// The attack's first step: files signed for a chip key the attacker holds, written to an emulated active card.
        /// Returns the card file.
        /// </summary>
        public async Task<string> PrepareForOwnChipAsync()
        {
            var (privateKey, chipKeyFile) = ChipKey.Generate();
            var serial = PermitCard.NewSerial();
            using var prepared = await Registrar.PostAsJsonAsync($"/api/permits/{Number}/cards/1/personalization",
                new { serial = Convert.ToHexString(serial), chipKey = Convert.ToBase64String(chipKeyFile) }, Ct);
            Assert.True(prepared.IsSuccessStatusCode, await prepared.Content.ReadAsStringAsync(Ct));
            var files = await prepared.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var path = Path.Combine(Folder, "clone.json");
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
            {
                serial = Convert.ToHexString(serial),
                transportCode = Convert.ToHexString(PermitCard.DefaultTransportCode.Span),
                transportTriesLeft = 3,
                lifeCycle = "ACTIVE",
                files = new Dictionary<string, string?>
                {
                    ["0101"] = files.GetProperty("permitFile").GetString(),
                    ["0102"] = files.GetProperty("photoFile").GetString(),
                    ["0103"] = files.GetProperty("chipKeyFile").GetString(),
                    ["0104"] = files.GetProperty("signatureFile").GetString(),
                },
                chipPrivateKeyPkcs8 = Convert.ToBase64String(privateKey),
            }), Ct);
            return path;
        }

        public async Task AbandonAsync(string reason)
        {
            using var abandoned = await Registrar.PostAsJsonAsync($"/api/permits/{Number}/cards/1/personalization/abandon", new { reason }, Ct);
            Assert.True(abandoned.IsSuccessStatusCode, await abandoned.Content.ReadAsStringAsync(Ct));
        }

        /// <summary>The genuine card: a blank card written, activated and confirmed by the desk agent.</summary>
        public async Task<string> WriteGenuineCardAsync()
        {
            var path = Path.Combine(Folder, "genuine.json");
            var card = Cards.Blank(path);
            await using (await CardSlot.InsertAsync(_rig, 1, card))
                await Agent.PersonalizeAsync(Number);
            Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
            return path;
        }

        public async Task<string> ChallengeAsync()
        {
            using var response = await Clinic.PostAsJsonAsync("/api/card-challenges", new { }, Ct);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("challenge").GetString()!;
        }

        /// <summary>What the counter page does on a tap: a server challenge, the agent's read with it, the lookup.</summary>
        public async Task<JsonElement> LookUpAsync(string cardFile)
        {
            var challenge = await ChallengeAsync();
            JsonElement read;
            await using (await CardSlot.InsertAsync(_rig, 1, PermitCard.Load(cardFile)))
                read = await ReadAsync(Counter, new { challenge });
            using var response = await PostLookupAsync(read);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        /// <summary>A card read by a counter agent with a fresh read-permit ticket from the clinic's terminal, as the counter page does.</summary>
        public async Task<JsonElement> ReadAsync(AgentProcess counter, object body)
        {
            var read = await counter.PostAsync("/permit-card/read", body, await counter.TicketAsync("read-permit", terminalKey: ClinicKey));
            // At a counter the page never holds the files themselves (their EF.PERMIT carries the ID number): only sealed for the API.
            Assert.False(read.TryGetProperty("files", out var files) && files.ValueKind != JsonValueKind.Null, read.ToString());
            return read;
        }

        /// <summary>The counter page's lookup: the agent's sealed files and the chip's answer, forwarded as they stand.</summary>
        public Task<HttpResponseMessage> PostLookupAsync(JsonElement read) => Clinic.PostAsJsonAsync("/api/entitlements/lookups/card",
            new { service = "basic-medical-care", sealedFiles = read.GetProperty("sealedFiles").GetString(), chip = read.GetProperty("chip") }, Ct);

        public async ValueTask DisposeAsync()
        {
            Registrar.Dispose();
            Clinic.Dispose();
            await Counter.DisposeAsync();
            await Agent.DisposeAsync();
            await Host.DisposeAsync();
            _folder.Delete(recursive: true);
        }
    }
}

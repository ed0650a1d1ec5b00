using Microsoft.Extensions.Logging;
using Permit.CardAgent.Logging;

namespace Permit.CardAgent.Tests.Logging;

/// <summary>The agent's log file, written as support would receive it.</summary>
public sealed class AgentLoggingTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("permit-agent-logs-");

    [Fact]
    public void An_id_number_or_a_token_that_reaches_a_log_message_is_masked_in_the_file_as_the_api_masks_it()
    {
        using (var log = AgentLogging.Open(_directory.FullName))
        {
            var logger = log.Factory.CreateLogger("Permit.CardAgent.Test");
#pragma warning disable CA1848, CA2254 // the attack: a careless message with personal data in its properties and its exception
            logger.LogWarning("Card of {Holder} refused, header {Header}", "33021119850214002X", "Bearer eyJhbGciOiJFUzI1NiJ9.payload.signature");
            logger.LogError(new InvalidOperationException("no permit for 330211198502140011"), "Lookup failed");
#pragma warning restore CA1848, CA2254
        }

        var written = File.ReadAllText(Directory.GetFiles(_directory.FullName, "permit-agent-*.log").Single());
        Assert.Contains("330211********002X", written, StringComparison.Ordinal);
        Assert.DoesNotContain("33021119850214002X", written, StringComparison.Ordinal);
        Assert.DoesNotContain("330211198502140011", written, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJhbGciOiJFUzI1NiJ9", written, StringComparison.Ordinal);
        Assert.Contains("Lookup failed", written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_log_directory_setting_writes_no_file()
    {
        using var log = AgentLogging.Open("");

        Assert.Null(log.Directory);
    }

    [Fact]
    public void A_build_from_the_repository_reads_no_installed_pcs_settings_while_a_package_names_its_file()
    {
        var program = _directory.CreateSubdirectory("program").FullName;
        File.WriteAllText(Path.Combine(program, "appsettings.json"), """{ "Agent": { "Port": 5179 } }""");
        Assert.Null(AgentSettings.MachineConfigFile(program, _ => null));

        File.WriteAllText(Path.Combine(program, "appsettings.json"), """{ "Agent": { "MachineConfigFile": "/etc/permit-agent/appsettings.json" } }""");
        Assert.Equal("/etc/permit-agent/appsettings.json", AgentSettings.MachineConfigFile(program, _ => null));
        Assert.Equal("/tmp/other.json", AgentSettings.MachineConfigFile(program, name => name == AgentSettings.MachineConfigVariable ? "/tmp/other.json" : null));
    }

    [Fact]
    public void The_pcs_settings_file_overrides_the_programs_own()
    {
        var program = _directory.CreateSubdirectory("program2").FullName;
        File.WriteAllText(Path.Combine(program, "appsettings.json"), """{ "Agent": { "Port": 5179, "IdReader": "Reader A" } }""");
        var machine = Path.Combine(_directory.FullName, "machine.json");
        File.WriteAllText(machine, """{ "Agent": { "IdReader": "ACS ACR39U 00 00", "StateDirectory": "/var/lib/permit-agent" } }""");

        var settings = AgentSettings.Load(program, _ => null, machine);

        Assert.Equal("ACS ACR39U 00 00", settings.IdReader);
        Assert.Equal("/var/lib/permit-agent", settings.StateDirectory);
        Assert.Equal(5179, settings.Port);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

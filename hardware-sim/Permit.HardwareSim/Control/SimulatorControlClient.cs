using System.Net.Http.Json;

namespace Permit.HardwareSim.Control;

/// <summary>The test side of permit-sim's control port (<see cref="ControlServer"/>).</summary>
public sealed class SimulatorControlClient : IDisposable
{
    private readonly HttpClient _http;

    public SimulatorControlClient(int controlPort)
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{controlPort.ToString(CultureInfo.InvariantCulture)}/") };
    }

    public Task<SimulatorStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        GetStatusCoreAsync(cancellationToken);

    /// <summary>Pulls the card out (permit-sim closes its vpcd socket).</summary>
    public Task<SimulatorStatus> RemoveAsync(CancellationToken cancellationToken = default) => PostAsync("remove", cancellationToken);

    /// <summary>Puts the card back (permit-sim reconnects to vpcd).</summary>
    public Task<SimulatorStatus> InsertAsync(CancellationToken cancellationToken = default) => PostAsync("insert", cancellationToken);

    public Task<SimulatorStatus> SetAnswerDelayAsync(TimeSpan delay, CancellationToken cancellationToken = default) =>
        PostAsync(FormattableString.Invariant($"delay?ms={(int)delay.TotalMilliseconds}"), cancellationToken);

    /// <summary>The <paramref name="nthApdu"/>-th APDU from now (1 = next) is not answered; the card is pulled out instead.</summary>
    public Task<SimulatorStatus> DropConnectionAtAsync(int nthApdu, CancellationToken cancellationToken = default) =>
        PostAsync(FormattableString.Invariant($"drop?at={nthApdu}"), cancellationToken);

    /// <summary>The next <paramref name="count"/> APDUs are answered with just <paramref name="statusWord"/>.</summary>
    public Task<SimulatorStatus> AnswerNextAsync(ushort statusWord, int count = 1, CancellationToken cancellationToken = default) =>
        PostAsync(FormattableString.Invariant($"answer?sw={statusWord:X4}&count={count}"), cancellationToken);

    public Task<SimulatorStatus> ClearFaultsAsync(CancellationToken cancellationToken = default) => PostAsync("clear", cancellationToken);

    private async Task<SimulatorStatus> GetStatusCoreAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<SimulatorStatus>(new Uri("status", UriKind.Relative), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("permit-sim answered an empty status.");

    private async Task<SimulatorStatus> PostAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri(pathAndQuery, UriKind.Relative), content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SimulatorStatus>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("permit-sim answered an empty status.");
    }

    public void Dispose() => _http.Dispose();
}

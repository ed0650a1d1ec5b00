using Permit.CardAgent.Cards;
using Permit.CardAgent.Configuration;
using Permit.CardAgent.IdCards;
using Permit.CardAgent.Issuing;
using Permit.CardAgent.Personalization;
using Permit.CardAgent.Terminals;
using Permit.CardAgent.Verification;

namespace Permit.CardAgent;

/// <summary>
/// What crossed the card channel during one operation, and how long it took. <see cref="AgentTime"/> is the time
/// not spent waiting for the card: the agent's own work (parsing, hashing, signature checks).
/// </summary>
public sealed record OperationFigures(int Apdus, long BytesSent, long BytesReceived, TimeSpan CardTime, TimeSpan TotalTime)
{
    public TimeSpan AgentTime => TotalTime - CardTime;
}

/// <param name="Photo">The photo bytes as the reader gave them (JPEG, BMP, WLT…).</param>
/// <param name="Display">The photo as a page shows it (JPEG or PNG) and whether it could be decoded.</param>
public sealed record IdCardResult(string Reader, IdCardReport Card, byte[] Photo, OperationFigures Figures, IdCardPhoto Display);

public sealed record PermitCardResult(string Reader, PermitCardCheck Check, OperationFigures Figures);

public sealed record PersonalizationResult(string Reader, PersonalizedCard Card, OperationFigures Figures);

public sealed record ApiPersonalizationResult(string Reader, ApiPersonalizedCard Card, OperationFigures Figures);

/// <summary>
/// The agent's use cases, shared by the command line and the loopback service: each picks its reader, connects
/// (exclusively, for the length of the operation), counts what crosses the channel, and disconnects.
/// One operation runs at a time.
/// </summary>
public sealed class CardOperations(ICardTerminals terminals, AgentSettings settings, TimeProvider time) : IDisposable
{
    // A semaphore, not a lock: the API-backed personalization holds the card across awaited HTTP calls.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AgentSettings Settings => settings;

    public IReadOnlyList<ReaderInfo> ListReaders()
    {
        _gate.Wait();
        try
        {
            return terminals.ListReaders();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Through the PC/SC profile, or the vendor library <c>Agent:IdCardSource</c> names (IdCards/Vendor).</summary>
    public IdCardResult ReadIdCard(string? readerName) =>
        settings.IdCardSource != IdCards.Vendor.IdCardSources.Pcsc
            ? ReadIdCardWithVendor()
            : Run(ReaderRole.IdCard, readerName, resetOnFailure: false,
                (channel, _) => new IdCardSession(channel).Read(),
                (reader, read, figures) => IdCardResultOf(reader, read, figures));

    private IdCardResult ReadIdCardWithVendor()
    {
        _gate.Wait();
        try
        {
            var started = time.GetTimestamp();
            var read = IdCards.Vendor.IdCardSources.ReadWithVendor(settings);
            var elapsed = time.GetElapsedTime(started);
            // No APDUs cross a channel the agent sees: the vendor library talks to its reader itself.
            var reader = $"{settings.IdCardSource} library {Path.GetFileName(settings.VendorLibrary)} port {settings.VendorPort}";
            return IdCardResultOf(reader, read, new OperationFigures(0, 0, 0, elapsed, elapsed));
        }
        finally
        {
            _gate.Release();
        }
    }

    private IdCardResult IdCardResultOf(string reader, IdCardRead read, OperationFigures figures) =>
        new(reader, IdCardReport.From(read), read.Photo, figures, IdCardPhoto.From(read.Photo, read.PhotoFormat, settings.WltDecoderLibrary));

    /// <param name="serverChallenge">A challenge the permit API issued, for the chip to answer too (the API's card lookup
    /// needs that answer); the agent's own verdict always rests on its own fresh challenge.</param>
    public PermitCardResult ReadPermitCard(string? readerName, VerifierSetup setup, bool withPhoto, byte[]? serverChallenge = null) =>
        Run(ReaderRole.PermitCard, readerName, resetOnFailure: false,
            (channel, atr) => PermitCardVerification.ReadAndVerify(new PermitCardSession(channel, atr), setup, withPhoto, time.GetUtcNow(), serverChallenge),
            (reader, check, figures) => new PermitCardResult(reader, check, figures));

    public PersonalizationResult Personalize(string? readerName, PersonalizationInput input) =>
        Run(ReaderRole.PermitCard, readerName, resetOnFailure: true,
            (channel, _) => Personalizer.Personalize(new PermitCardSession(channel), input),
            (reader, card, figures) => new PersonalizationResult(reader, card, figures));

    /// <summary>
    /// Personalizes the permit's ordered card with files the permit API signs (<see cref="ApiPersonalizer"/>).
    /// <paramref name="permit"/> was fetched first, so an unknown or ended permit never touches the card.
    /// </summary>
    public async Task<ApiPersonalizationResult> PersonalizeWithApiAsync(
        string? readerName, PermitApiClient api, PermitState permit, byte[] transportCode, Action<string> step, CancellationToken cancellationToken)
    {
        ApiPersonalizer.RequireOpen(permit);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = ReaderChoice.Choose(ReaderRole.PermitCard, readerName, settings, terminals.ListReaders());
            using var connection = terminals.Connect(reader);
            var channel = new CountingChannel(connection);
            var started = time.GetTimestamp();
            ApiPersonalizedCard card;
            try
            {
                card = await ApiPersonalizer.PersonalizeAsync(new PermitCardSession(channel), api, permit, transportCode, step, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch
            {
                // A reset forgets the verified transport code: an unfinished card is BLANK again for the next try.
                connection.DisconnectAndReset();
                throw;
            }

            var figures = new OperationFigures(channel.ApduCount, channel.BytesSent, channel.BytesReceived, channel.CardTime, time.GetElapsedTime(started));
            return new ApiPersonalizationResult(reader, card, figures);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private TResult Run<T, TResult>(
        ReaderRole role, string? readerName, bool resetOnFailure, Func<CountingChannel, byte[], T> work, Func<string, T, OperationFigures, TResult> result)
    {
        _gate.Wait();
        try
        {
            var readers = terminals.ListReaders();
            var reader = ReaderChoice.Choose(role, readerName, settings, readers);
            // The ATR as listed tells what the card can take (extended lengths); a card swapped since answers for itself.
            var atr = readers.FirstOrDefault(r => r.Name == reader)?.Atr ?? [];
            using var connection = terminals.Connect(reader);
            var channel = new CountingChannel(connection);
            var started = time.GetTimestamp();
            T value;
            try
            {
                value = work(channel, atr);
            }
            catch when (resetOnFailure)
            {
                connection.DisconnectAndReset();
                throw;
            }

            var figures = new OperationFigures(channel.ApduCount, channel.BytesSent, channel.BytesReceived, channel.CardTime, time.GetElapsedTime(started));
            return result(reader, value, figures);
        }
        finally
        {
            _gate.Release();
        }
    }
}

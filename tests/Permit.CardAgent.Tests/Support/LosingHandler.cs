namespace Permit.CardAgent.Tests.Support;

/// <summary>
/// The network between the agent and the API losing one call (by default the confirmation): either the request never
/// arrives (<see cref="Loss.Request"/>) or the API handles it and the answer is lost (<see cref="Loss.Answer"/>).
/// Every other call goes through.
/// </summary>
public sealed class LosingHandler(LosingHandler.Loss loss, string pathSuffix = "/confirmation") : DelegatingHandler(new SocketsHttpHandler())
{
    public enum Loss
    {
        Request,
        Answer,
    }

    public int Lost { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.RequestUri!.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal))
            return await base.SendAsync(request, cancellationToken);
        Lost++;
        if (loss == Loss.Answer)
            (await base.SendAsync(request, cancellationToken)).Dispose();
        throw new HttpRequestException("Connection reset by peer (test: the call was lost)");
    }
}

namespace Permit.CardAgent.Cli;

/// <summary>The <c>figures</c> object of JSON output: what crossed the card channel.</summary>
public sealed record FiguresJson(int Apdus, long BytesSent, long BytesReceived, double CardMs, double AgentMs)
{
    public static FiguresJson From(OperationFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(figures.Apdus, figures.BytesSent, figures.BytesReceived,
            Math.Round(figures.CardTime.TotalMilliseconds, 2), Math.Round(figures.AgentTime.TotalMilliseconds, 2));
    }
}

namespace Permit.PCSC.Monitoring;

/// <summary>Readers attached or detached, as <see cref="DeviceMonitor"/> reports it.</summary>
public sealed class DeviceEventArgs(IReadOnlyList<string> allReaders, IReadOnlyList<string> attached, IReadOnlyList<string> detached) : EventArgs
{
    /// <summary>Every reader attached now.</summary>
    public IReadOnlyList<string> AllReaders { get; } = allReaders;

    public IReadOnlyList<string> Attached { get; } = attached;

    public IReadOnlyList<string> Detached { get; } = detached;
}

namespace Permit.HardwareSim.Transport;

/// <summary>
/// What a test does to a simulated card in a reader: pull it out, put it back, slow it down, make it fail.
/// The in-process reader and the vpcd connector both offer it; <see cref="Control.SimulatorControlClient"/>
/// offers the same over permit-sim's loopback control port.
/// </summary>
public interface ISimulatorControl
{
    bool IsInserted { get; }

    /// <summary>Puts the card (back) into the reader; it powers on with fresh volatile state.</summary>
    void Insert();

    /// <summary>Pulls the card out; its persistent state stays as it is.</summary>
    void Remove();

    CardFaults Faults { get; }
}

namespace Permit.HardwareSim.PermitCards;

/// <summary>The permit card's life cycle (docs/permit-card.md, "Life cycle").</summary>
public enum CardLifeCycle
{
    /// <summary>As manufactured: serial number and transport code set.</summary>
    Blank,

    /// <summary>
    /// BLANK with the transport code verified in this session. It is never stored: the security state is lost on
    /// reset or power-off, so a card pulled out while personalizing is BLANK again at the next power-on, with the
    /// files written so far kept.
    /// </summary>
    Personalizing,

    Active,

    Terminated,
}

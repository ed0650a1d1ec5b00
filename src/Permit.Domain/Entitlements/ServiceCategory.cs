namespace Permit.Domain.Entitlements;

/// <summary>What kind of office delivers a service; a terminal is limited to its categories (a school sees Education only).</summary>
public enum ServiceCategory
{
    Education,
    Health,
    Employment,
    Housing,
    Culture,
    Legal,
    Convenience,
}

/// <summary>Why a holder may have a service at all.</summary>
public enum ServiceBasis
{
    /// <summary>Decree 663 Art. 12: basic public services for every holder.</summary>
    EveryHolder,

    /// <summary>Decree 663 Art. 13: conveniences for every holder.</summary>
    Convenience,

    /// <summary>Zhejiang Art. 28: further services the district grants by points.</summary>
    PointsTiered,
}

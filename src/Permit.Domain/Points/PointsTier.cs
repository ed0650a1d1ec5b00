namespace Permit.Domain.Points;

/// <summary>Where an indicator belongs in the Ningbo framework; province, city and district each have their own cap.</summary>
public enum PointsTier
{
    Province,
    City,
    District,
    Bonus,
    Deduction,
}

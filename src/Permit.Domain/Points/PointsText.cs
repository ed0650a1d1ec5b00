using System.Globalization;

namespace Permit.Domain.Points;

/// <summary>Number formatting shared by explanations: invariant culture, no trailing zeros (29.5, 30, 0.25).</summary>
internal static class PointsText
{
    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"得19分" for an award, "扣6分" for a deduction.</summary>
    public static string Earned(decimal points) => points < 0 ? $"扣{Number(-points)}分" : $"得{Number(points)}分";
}

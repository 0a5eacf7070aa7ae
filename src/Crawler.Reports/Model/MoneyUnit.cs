namespace Crawler.Reports.Model;

/// <summary>
/// A unit an amount is printed in (元, 万元, 亿元), by its worth in 元. Figures are stored in their key's unit
/// (amountTenThousandYuan: 万元); an amount printed in another unit is converted, with a UNIT_CONVERTED finding.
/// </summary>
public sealed record MoneyUnit(string Name, decimal InYuan)
{
    public static MoneyUnit Yuan { get; } = new("元", 1m);

    public static MoneyUnit TenThousandYuan { get; } = new("万元", 10_000m);

    public static MoneyUnit HundredMillionYuan { get; } = new("亿元", 100_000_000m);

    /// <summary>Longest name first, so that a text ending in 万元 is not read as ending in 元.</summary>
    public static IReadOnlyList<MoneyUnit> All { get; } = [TenThousandYuan, HundredMillionYuan, Yuan];

    public static MoneyUnit? Find(string? name) => All.FirstOrDefault(u => u.Name == name);

    /// <summary>The same amount in <paramref name="unit"/>, without trailing zeros (251000 元 → 25.1 万元).</summary>
    public decimal ConvertTo(decimal value, MoneyUnit unit) => Normalize(value * InYuan / unit.InYuan);

    // Dividing by 1.000…0 with the most decimals a decimal holds drops the trailing zeros of the scale.
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}

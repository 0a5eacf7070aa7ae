using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.LoadTest.SearchScale;

/// <summary>
/// A deterministic national archive of report versions made from the five seed reports: 300 places × 40
/// departments × 9 years (2016–2024), each text the seed of a matching kind with the seed's agency, place and
/// year replaced, its table figures redrawn, and — for a known share of reports — a rare or a medium-rare
/// paragraph, so searches have common, medium, rare and absent terms whose exact answers are known.
/// Every 25th report gets a second, revised version (so "latest version only" has something to hide).
/// </summary>
public sealed partial class SyntheticReports
{
    public const string RarePhrase = "无人机巡检";
    public const string MediumPhrase = "一网通办";
    public const string RevisedMark = "（修订版）";
    public const int FirstYear = 2016;
    public const int Years = 9;

    private static readonly string[] PlaceHeads = ["东", "西", "南", "北", "新", "安", "平", "永", "长", "青"];
    private static readonly string[] PlaceTails = ["山", "河", "阳", "宁", "丰", "城", "江", "林", "川", "源"];
    private static readonly string[] PlaceKinds = ["县", "区", "市"];
    private static readonly string[] Provinces = ["山东省", "河南省", "青海省", "浙江省", "四川省", "广东省"];

    public static IReadOnlyList<string> Departments { get; } =
    [
        "商务局", "教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局",
        "交通运输局", "水利局", "农业农村局", "文化和旅游局", "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
        "人民政府办公室", "发展和改革局", "工业和信息化局", "科学技术局", "退役军人事务局", "林业局", "体育局", "信访局", "城市管理局", "行政审批服务局",
        "档案局", "粮食和物资储备局", "乡村振兴局", "数据资源管理局", "地方金融监督管理局", "民族宗教事务局", "气象局", "税务局", "住房公积金管理中心", "人民政府",
    ];

    // Each seed's own agency, then the place names it uses (longest first), replaced by the synthetic agency's.
    private static readonly (string Seed, string Agency, string Department, string[] Places)[] SeedShapes =
    [
        ("000_79386d8b7b396ab1", "聊城市商务局", "商务局", ["聊城市"]),
        ("001_9c70bb7b05579109", "鲁山县商务局", "商务局", ["鲁山县"]),
        ("002_b51c1edc0662ec25", "威海市环翠区商务局", "商务局", ["威海市环翠区", "环翠区", "威海市"]),
        ("003_1bfe41904e475b00", "聊城市人民政府办公室", "人民政府办公室", ["聊城市"]),
        ("004_c578ef021bbe04ee", "海东市商务局", "商务局", ["海东市"]),
    ];

    private readonly Dictionary<string, string> _seedTexts;

    public SyntheticReports(string seedsDirectory) =>
        _seedTexts = SeedShapes.ToDictionary(s => s.Seed, s => File.ReadAllText(Path.Combine(seedsDirectory, s.Seed + ".txt")));

    public static int Places => PlaceHeads.Length * PlaceTails.Length * PlaceKinds.Length;

    public static int Reports => Places * Departments.Count * Years;

    public static string Place(int place) =>
        PlaceHeads[place % PlaceHeads.Length] + PlaceTails[place / PlaceHeads.Length % PlaceTails.Length] + PlaceKinds[place / (PlaceHeads.Length * PlaceTails.Length)];

    public static string Province(int place) => Provinces[place % Provinces.Length];

    /// <summary>The first <paramref name="versions"/> versions, in storing order (a revision right after its first version).</summary>
    public IEnumerable<SyntheticVersion> Versions(int versions)
    {
        var produced = 0;
        for (var report = 0; report < Reports && produced < versions; report++)
        {
            yield return Version(report, revised: false);
            if (++produced < versions && HasRevision(report))
            {
                yield return Version(report, revised: true);
                produced++;
            }
        }
    }

    public static bool HasRevision(int report) => report % 25 == 0;

    public static bool HasRarePhrase(int report) => report % 997 == 13;

    public static bool HasMediumPhrase(int report) => report % 50 == 7;

    /// <summary>
    /// Report n is year n mod 9 of agency n / 9, the agencies spread over places and departments, so any prefix of
    /// the reports is a mixed archive in which every agency has all its years.
    /// </summary>
    public static (int Place, int Department, int Year) Identity(int report)
    {
        var agencies = Places * Departments.Count;
        // 7919 is prime and shares no factor with the 12,000 agencies, so this is a permutation of them.
        var agency = (int)((long)(report / Years) * 7919 % agencies);
        return (agency % Places, agency / Places, FirstYear + report % Years);
    }

    public SyntheticVersion Version(int report, bool revised)
    {
        var (place, department, year) = Identity(report);
        var placeName = Place(place);
        var agency = placeName + Departments[department];
        var shape = Departments[department] is "人民政府办公室" or "人民政府" ? SeedShapes[3] : SeedShapes[new[] { 0, 1, 2, 4 }[report % 4]];
        var random = new Random(report * 2 + (revised ? 1 : 0));
        var text = _seedTexts[shape.Seed].Replace(shape.Agency, agency, StringComparison.Ordinal);
        if (shape.Department != Departments[department]) text = text.Replace(shape.Department, Departments[department], StringComparison.Ordinal);
        foreach (var seedPlace in shape.Places) text = text.Replace(seedPlace, placeName, StringComparison.Ordinal);
        text = YearPattern().Replace(text, m => m.Value == "2023" ? year.ToString(CultureInfo.InvariantCulture) : (year - 1).ToString(CultureInfo.InvariantCulture));
        text = TableFigure().Replace(text, m => m.Value == "0" && random.Next(4) > 0 ? "0" : random.Next(0, 2 * int.Parse(m.Value, CultureInfo.InvariantCulture) + 6).ToString(CultureInfo.InvariantCulture));
        if (revised) text = text.Replace("工作年度报告", "工作年度报告" + RevisedMark, StringComparison.Ordinal);
        if (HasMediumPhrase(report)) text += $"\n\n本年度依托{MediumPhrase}平台，推动政务服务事项网上可办，便民事项掌上通办。\n";
        if (HasRarePhrase(report)) text += $"\n\n本年度开展低空{RarePhrase}试点，相关信息已在专栏公开。\n";
        return new SyntheticVersion(report, revised, agency, Province(place), year, text);
    }

    [GeneratedRegex("(?<![0-9])202[23](?![0-9])")]
    private static partial Regex YearPattern();

    // A figure in a tab-separated table row: the seeds' tables are tab-separated text.
    [GeneratedRegex("(?<=\t)[0-9]{1,5}(?=\t|\r?$)", RegexOptions.Multiline)]
    private static partial Regex TableFigure();
}

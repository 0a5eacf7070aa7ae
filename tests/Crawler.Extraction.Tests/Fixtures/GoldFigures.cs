using System.Text.Json;
using Crawler.Tests.Shared;

namespace Crawler.Extraction.Tests.Fixtures;

/// <summary>The gold figures of one seed (tests/fixtures/gold), as the printed cell texts a rendered table must show.</summary>
internal sealed class GoldFigures
{
    public static readonly string[] Seeds =
        Directory.GetFiles(RepositoryPaths.Gold, "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToArray()!;

    public static readonly string[] ApplicationRows =
    [
        "newReceived", "carriedOver", "granted", "partiallyGranted", "deniedStateSecret", "deniedProhibitedByLaw",
        "deniedSecurityStability", "deniedThirdPartyRights", "deniedInternalAffairs", "deniedProcessInformation",
        "deniedEnforcementCaseFile", "deniedAdministrativeQuery", "unavailableNotHeld", "unavailableNeedsCreation",
        "unavailableStillUnclear", "rejectedComplaint", "rejectedDuplicate", "rejectedPublication", "rejectedExcessive",
        "rejectedConfirmation", "otherNoCorrection", "otherNoFee", "otherOther", "totalHandled", "carriedForward",
    ];

    private static readonly string[] Columns =
        ["naturalPerson", "commercialEnterprise", "researchInstitution", "socialWelfareOrganization", "legalServiceInstitution", "other", "total"];

    private readonly JsonElement _root;

    private GoldFigures(string seed, JsonElement root)
    {
        Seed = seed;
        _root = root;
    }

    public string Seed { get; }

    public string Title => _root.GetProperty("title").GetString()!;

    public static GoldFigures Load(string seed)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Gold, seed + ".json")));
        return new GoldFigures(seed, json.RootElement.Clone());
    }

    public static string FormatsFolder(string seed) => Path.Combine(RepositoryPaths.Fixtures, "formats", seed);

    /// <summary>Seed 003 prints no 法人或其他组织·其他 column at all (gold: null in every row).</summary>
    public bool OmitsOtherColumn => ApplicationRows.All(row => Applications(row).GetProperty("other").ValueKind == JsonValueKind.Null);

    /// <summary>The printed values of one table-3 row, left to right; null is an empty cell.</summary>
    public string[] ApplicationRow(string row) =>
        Columns.Where(c => !(c == "other" && OmitsOtherColumn)).Select(c => Printed(Applications(row).GetProperty(c))).ToArray();

    public string[] ReviewAndLitigationRow() =>
        new[] { "review", "litigationDirect", "litigationAfterReview" }
            .SelectMany(g => new[] { "upheld", "corrected", "other", "pending", "total" }
                .Select(c => Printed(_root.GetProperty("reviewAndLitigation").GetProperty(g).GetProperty(c))))
            .ToArray();

    public string ActiveDisclosure(string group, string cell) =>
        Printed(_root.GetProperty("activeDisclosure").GetProperty(group).GetProperty(cell));

    private JsonElement Applications(string row) => _root.GetProperty("applications").GetProperty(row);

    private static string Printed(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        _ when value.TryGetInt64(out var whole) => whole.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.GetDecimal() % 1 == 0 ? ((long)value.GetDecimal()).ToString(System.Globalization.CultureInfo.InvariantCulture) : value.GetRawText(),
    };
}

using System.Text.Json;
using Quartz;

namespace Crawler.Pipeline.Sources;

/// <summary>
/// Reads config/sources.json (schema in docs/sources.md) into <see cref="Source"/> records, collecting every
/// problem (unknown keys, duplicate ids, bad URLs, empty agency, invalid cron) before failing once with all of them.
/// </summary>
public static class SourceCatalog
{
    private static readonly HashSet<string> KnownKeys =
        ["id", "agency", "region", "startUrls", "schedule", "allowPrivateNetwork", "ignoreCertificateErrors", "verified"];

    public static IReadOnlyList<Source> Load(string path)
    {
        if (!File.Exists(path)) throw new SourceCatalogException(path, ["the file does not exist"]);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses a catalog; <paramref name="origin"/> names it in error messages.</summary>
    public static IReadOnlyList<Source> Parse(string json, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new SourceCatalogException(origin, [$"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var sources = ReadRoot(document.RootElement, problems);
            if (problems.Count > 0) throw new SourceCatalogException(origin, problems);
            return sources;
        }
    }

    private static List<Source> ReadRoot(JsonElement root, List<string> problems)
    {
        var sources = new List<Source>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("sources", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add("the root must be an object with a \"sources\" array");
            return sources;
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Name != "sources"))
            problems.Add($"unknown top-level key \"{property.Name}\"");

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var source = ReadEntry(entry, index, problems);
            if (source is not null)
            {
                if (ids.TryGetValue(source.Id, out var first))
                    problems.Add($"sources[{index}] (\"{source.Id}\"): id duplicates sources[{first}]");
                else
                    ids[source.Id] = index;
                sources.Add(source);
            }
            index++;
        }
        return sources;
    }

    private static Source? ReadEntry(JsonElement entry, int index, List<string> problems)
    {
        var where = $"sources[{index}]";
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: must be an object");
            return null;
        }

        var id = entry.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : "";
        if (id.Length > 0) where += $" (\"{id}\")";
        var before = problems.Count;

        foreach (var property in entry.EnumerateObject().Where(p => !KnownKeys.Contains(p.Name)))
            problems.Add($"{where}: unknown key \"{property.Name}\" (known: {string.Join(", ", KnownKeys)})");

        if (id.Length == 0) problems.Add($"{where}: \"id\" is required (a short slug such as \"liaocheng-commerce\")");
        else if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            problems.Add($"{where}: \"id\" may contain only ASCII letters, digits, '-', '_' and '.'");

        var agency = ReadString(entry, "agency", where, problems);
        if (string.IsNullOrWhiteSpace(agency)) problems.Add($"{where}: \"agency\" must name the agency (e.g. 聊城市商务局)");
        var region = ReadString(entry, "region", where, problems);
        var schedule = ReadString(entry, "schedule", where, problems);
        if (!string.IsNullOrWhiteSpace(schedule) && CronProblem(schedule) is { } cron)
            problems.Add($"{where}: \"schedule\" \"{schedule}\" is not a valid Quartz cron expression (e.g. \"0 0 6 * * ?\"): {cron}");

        var startUrls = ReadStartUrls(entry, where, problems);
        var source = new Source
        {
            Id = id,
            Agency = agency?.Trim() ?? "",
            Region = string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            StartUrls = startUrls,
            Schedule = string.IsNullOrWhiteSpace(schedule) ? null : schedule.Trim(),
            AllowPrivateNetwork = ReadBool(entry, "allowPrivateNetwork", where, problems),
            IgnoreCertificateErrors = ReadBool(entry, "ignoreCertificateErrors", where, problems),
            Verified = ReadBool(entry, "verified", where, problems),
        };
        return problems.Count == before ? source : null;
    }

    private static List<string> ReadStartUrls(JsonElement entry, string where, List<string> problems)
    {
        var urls = new List<string>();
        if (!entry.TryGetProperty("startUrls", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            problems.Add($"{where}: \"startUrls\" must be a non-empty array of http(s) URLs");
            return urls;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
            var probe = text?.Replace(StartUrlTemplate.YearPlaceholder, "2000", StringComparison.Ordinal);
            if (probe is null || !Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                problems.Add($"{where}: startUrls[{i}] \"{text}\" is not an absolute http(s) URL");
            else
                urls.Add(text!);
            i++;
        }
        return urls;
    }

    private static string? CronProblem(string expression)
    {
        try
        {
            _ = new CronExpression(expression.Trim());
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    private static string? ReadString(JsonElement entry, string name, string where, List<string> problems)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add($"{where}: \"{name}\" must be a string");
        return null;
    }

    private static bool ReadBool(JsonElement entry, string name, string where, List<string> problems)
    {
        if (!entry.TryGetProperty(name, out var value)) return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        problems.Add($"{where}: \"{name}\" must be true or false");
        return false;
    }
}

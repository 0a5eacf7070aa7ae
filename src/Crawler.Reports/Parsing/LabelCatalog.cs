namespace Crawler.Reports.Parsing;

/// <summary>
/// Matches printed labels against a template's labels: exact after normalisation, then known synonyms,
/// then the label without its bracketed qualifier, then a small edit distance (typos such as 国家机密 for
/// 国家秘密, 预期 for 逾期, a stuttered 不). Exact lookups are a dictionary hit; only misses pay for fuzzing.
/// </summary>
internal sealed class LabelCatalog
{
    private readonly LabelEntry[] _entries;
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _variants = new(StringComparer.Ordinal);

    public LabelCatalog(IEnumerable<LabelEntry> entries)
    {
        _entries = entries.ToArray();
        for (var i = 0; i < _entries.Length; i++)
        {
            _exact.TryAdd(_entries[i].Normalized, i);
            foreach (var synonym in _entries[i].Synonyms) _variants.TryAdd(LabelText.Normalize(synonym), i);
            var core = LabelText.Core(_entries[i].Normalized);
            if (core != _entries[i].Normalized) _variants.TryAdd(core, i);
        }
    }

    public IReadOnlyList<LabelEntry> Entries => _entries;

    /// <summary>Matches a printed label; <paramref name="preferFrom"/> breaks fuzzy ties in favour of later entries (printed order).</summary>
    public LabelMatch? Match(string printed, int preferFrom = 0, bool fuzzy = true)
    {
        var (ordinal, body) = LabelText.SplitOrdinal(LabelText.Normalize(printed));
        if (body.Length == 0) return null;
        if (_exact.TryGetValue(body, out var index)) return Result(index, ordinal, exact: true, printed);
        if (_variants.TryGetValue(body, out index) || _variants.TryGetValue(LabelText.Core(body), out index)) return Result(index, ordinal, exact: false, printed);
        if (!fuzzy || body.Length < 4) return null;
        var best = -1;
        var bestScore = int.MaxValue;
        for (var i = 0; i < _entries.Length; i++)
        {
            var label = _entries[i].Normalized;
            if (label.Length < 4) continue;
            var allowed = Math.Max(1, label.Length / 5);
            if (Math.Abs(label.Length - body.Length) > allowed) continue;
            var distance = EditDistance.Compute(body, label, allowed);
            if (distance > allowed) continue;
            var score = distance * 2 + (i >= preferFrom ? 0 : 1);
            if (score < bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) best = Abridged(body, ordinal, preferFrom);
        return best < 0 ? null : Result(best, ordinal, exact: false, printed);
    }

    /// <summary>
    /// A misprint that dropped letters (2.其他法律行政止公开 for 2.其他法律行政法规禁止公开): the printed body is the
    /// template label with up to a third of its letters missing and nothing added, under the same ordinal. The
    /// ordinal is required, so that a short label is never taken for any long one that happens to contain it.
    /// </summary>
    private int Abridged(string body, string? ordinal, int preferFrom)
    {
        if (ordinal is null || body.Length < 6) return -1;
        var best = -1;
        for (var i = 0; i < _entries.Length; i++)
        {
            var label = _entries[i].Normalized;
            if (_entries[i].Ordinal != ordinal || body.Length >= label.Length || (label.Length - body.Length) * 3 > label.Length || !IsSubsequence(body, label)) continue;
            if (best < 0 || (best < preferFrom && i >= preferFrom)) best = i;
        }
        return best;
    }

    private static bool IsSubsequence(string part, string whole)
    {
        var k = 0;
        foreach (var c in whole)
        {
            if (k < part.Length && part[k] == c) k++;
        }
        return k == part.Length;
    }

    private LabelMatch Result(int index, string? ordinal, bool exact, string printed)
    {
        var entry = _entries[index];
        // A wrong ordinal (一、上年结转… for 二、) is a variant; a missing one or 1、 for 1. is not.
        var ordinalOk = ordinal is null || entry.Ordinal is null || ordinal == entry.Ordinal;
        return new LabelMatch(entry.Key, exact && ordinalOk, printed.Trim(), (entry.Ordinal is { } o ? OrdinalPrefix(o) : "") + entry.Label);
    }

    private static string OrdinalPrefix(string ordinal) =>
        ordinal.StartsWith('（') ? ordinal : char.IsAsciiDigit(ordinal[0]) ? ordinal + "." : ordinal + "、";
}

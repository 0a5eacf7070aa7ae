namespace Crawler.Reports.Parsing;

/// <summary>Levenshtein distance with an early exit once every path exceeds <c>limit</c>.</summary>
internal static class EditDistance
{
    public static int Compute(string a, string b, int limit)
    {
        if (a.Length > 256 || b.Length > 256) return int.MaxValue;
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > limit) return rowMin;
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.Length];
    }
}

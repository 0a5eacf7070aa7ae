using Crawler.Reports.Tests.Parsing;
using FsCheck;
using FsCheck.Fluent;

namespace Crawler.Reports.Tests.Properties;

/// <summary>
/// Re-wrapping, whitespace, tab counts, label synonyms, page numbers and prose order never change the
/// figures a seed parses to (and, where the edit is not a label change, not its findings either).
/// </summary>
public class SeedMutationProperties
{
    private static readonly string[] AllSeeds = SeedParsing.SeedNames().ToArray();

    /// <summary>Seeds whose table rows are tab-separated with every number printed (003 depends on exact positions, 002 on one cell per line).</summary>
    private static readonly string[] FullPdfRows = ["000_79386d8b7b396ab1", "001_9c70bb7b05579109", "004_c578ef021bbe04ee"];

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(100);

    private static void Holds(string[] seeds, Func<string, Random, string> mutate, bool sameFindings)
    {
        var originals = seeds.ToDictionary(s => s, s => SeedParsing.Parse(SeedParsing.SeedText(s)));
        var cases = Gen.Elements(seeds).SelectMany(seed => Gen.Choose(0, int.MaxValue).Select(n => (Seed: seed, Random: n)));
        Check.One(Config, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var edited = mutate(SeedParsing.SeedText(c.Seed), new Random(c.Random));
            var result = SeedParsing.Parse(edited);
            var original = originals[c.Seed];
            var same = ParseOutcome.Figures(result) == ParseOutcome.Figures(original)
                && (!sameFindings || ParseOutcome.Findings(result) == ParseOutcome.Findings(original));
            return same.Label($"{c.Seed} #{c.Random}: {ParseOutcome.Findings(result)}");
        }));
    }

    [Fact]
    public void Rewrapping_prose_lines_changes_nothing() => Holds(AllSeeds, TextMutations.Rewrap, sameFindings: true);

    [Fact]
    public void Padding_cells_and_prose_with_whitespace_changes_nothing() => Holds(AllSeeds, TextMutations.Whitespace, sameFindings: true);

    [Fact]
    public void Extra_empty_fields_in_pdf_rows_change_nothing() => Holds(FullPdfRows, TextMutations.ExtraTabs, sameFindings: true);

    [Fact]
    public void Swapping_label_synonyms_keeps_the_figures() => Holds(AllSeeds, TextMutations.Synonyms, sameFindings: false);

    [Fact]
    public void Page_number_lines_change_nothing() => Holds(AllSeeds, TextMutations.PageNumberLines, sameFindings: true);

    [Fact]
    public void Shuffling_prose_paragraphs_changes_nothing() => Holds(AllSeeds, TextMutations.ShuffleProse, sameFindings: true);
}

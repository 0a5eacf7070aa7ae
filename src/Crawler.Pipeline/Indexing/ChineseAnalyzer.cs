namespace Crawler.Pipeline.Indexing;

/// <summary>
/// How report text is analysed. <see cref="Cjk"/> is built into Elasticsearch (overlapping bigrams: finds any
/// 2-character word, no plugin needed); <see cref="Smartcn"/> needs the analysis-smartcn plugin and
/// <see cref="Ik"/> the IK plugin (word segmentation, smaller index, better ranking).
/// </summary>
public enum ChineseAnalyzer
{
    Cjk,
    Smartcn,
    Ik,
}

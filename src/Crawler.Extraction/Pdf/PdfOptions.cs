namespace Crawler.Extraction.Pdf;

/// <summary>Text-PDF extraction limits, bound from the configuration section <see cref="Section"/>.</summary>
public sealed record PdfOptions
{
    public const string Section = "Extraction:Pdf";

    /// <summary>Wall-clock limit for reading one PDF's letters and rulings (the reader process is killed past it).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Memory budget of the reader process: its GC heap is capped at this, and the process is killed when its
    /// resident memory passes 1.5 times it. The worker itself never holds a hostile PDF's object graph.
    /// </summary>
    public long ReaderMemoryBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>How many reader processes may read at once (each one document at a time, reused between documents).</summary>
    public int MaxReaders { get; init; } = 2;

    /// <summary>
    /// The reader process: empty finds <c>crawler-pdf-reader.dll</c> beside the running program and starts it with
    /// the same dotnet; "in-process" reads in the calling process (no memory bound: for tools and tests only);
    /// any other value is the path of an executable that speaks the reader protocol on stdin/stdout.
    /// </summary>
    public string ReaderPath { get; init; } = "";

    public int MaxPages { get; init; } = 500;

    public long MaxGlyphs { get; init; } = 2_000_000;

    public long MaxPathSegments { get; init; } = 5_000_000;

    /// <summary>Below this many Chinese characters per page on average the text layer is unusable (a scan): OCR it.</summary>
    public int MinCjkCharactersPerPage { get; init; } = 20;
}

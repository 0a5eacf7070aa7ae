namespace Crawler.Pipeline.Storage;

/// <summary>
/// The data directory's layout (docs/storage.md): <c>state.db</c> (SQLite: fetches, documents, reports,
/// versions, findings, processing state, search index, outbox), <c>archive/sha256/ab/cd/&lt;sha256&gt;</c>
/// and <c>warc/crawl-*.warc.gz</c>.
/// </summary>
public sealed record DataLayout(string Root)
{
    public static DataLayout At(string directory) => new(Path.GetFullPath(directory));

    public string StateDatabase => Path.Combine(Root, "state.db");

    public string Archive => Path.Combine(Root, "archive");

    public string Warc => Path.Combine(Root, "warc");

    public string ConnectionString => $"Data Source={StateDatabase};Cache=Default;Pooling=True";
}

namespace Crawler.Extraction;

/// <summary>
/// The bytes of one fetched (or local) document and what is known about them.
/// <paramref name="Name"/> is a file name or URL used in messages and as the last hint for sniffing.
/// </summary>
public sealed record SourceDocument(ReadOnlyMemory<byte> Content, string Name, string? ContentType = null)
{
    public static SourceDocument FromFile(string path) =>
        new(File.ReadAllBytes(path), path);
}

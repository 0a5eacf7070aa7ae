namespace Crawler.Extraction;

/// <summary>A private temporary file (or folder) holding a document for an external tool; deleted on dispose.</summary>
internal sealed class TemporaryFile : IDisposable
{
    private TemporaryFile(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    public string Directory { get; }

    public string Path { get; }

    public static async Task<TemporaryFile> WriteAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crawler-extract-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "document" + extension);
        await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        return new TemporaryFile(directory, path);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A tool still holding the file on a slow kill; the OS temp cleaner will take it.
        }
    }
}

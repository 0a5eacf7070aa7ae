namespace Crawler.Worker.Tests.Cli;

public sealed class QuarantineCommandTests(StoredReportsFixture data) : IClassFixture<StoredReportsFixture>
{
    [Fact]
    public async Task Quarantined_documents_are_listed_with_their_error()
    {
        var (exit, output, _) = await StoredReportsFixture.RunAsync("quarantine", "--data", data.Root);

        Assert.Equal(0, exit);
        Assert.Contains("http://127.0.0.1/files/2022.pdf", output);
        Assert.Contains("Couldn't read xref table", output);
        Assert.Contains("1 个文档处于隔离状态", output);
    }
}

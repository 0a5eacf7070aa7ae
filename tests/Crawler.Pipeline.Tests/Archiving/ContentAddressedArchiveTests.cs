using System.Security.Cryptography;
using Crawler.Pipeline.Archiving;

namespace Crawler.Pipeline.Tests.Archiving;

public sealed class ContentAddressedArchiveTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("archive-").FullName;

    [Fact]
    public async Task A_body_is_stored_byte_for_byte_under_its_sha256_in_two_level_folders()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var archive = new ContentAddressedArchive(Path.Combine(_root, "archive"));

        var body = await archive.StoreAsync(new MemoryStream(bytes), sha, default);

        Assert.Equal(sha, body.Sha256);
        Assert.Equal(bytes.Length, body.Length);
        Assert.False(body.HashMismatch);
        Assert.Equal(Path.Combine(_root, "archive", "sha256", sha[..2], sha[2..4], sha), body.Path);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(body.Path));
        Assert.True(archive.Contains(sha));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "archive", "sha256", "incoming")));
    }

    [Fact]
    public async Task Storing_the_same_bytes_again_keeps_the_first_file_and_leaves_no_temporary_files()
    {
        var bytes = "聊城市商务局 2023 年政府信息公开工作年度报告"u8.ToArray();
        var archive = new ContentAddressedArchive(_root);
        var first = await archive.StoreAsync(new MemoryStream(bytes), null, default);
        var written = File.GetLastWriteTimeUtc(first.Path);
        await Task.Delay(20);

        var second = await archive.StoreAsync(new MemoryStream(bytes), null, default);

        Assert.Equal(first.Path, second.Path);
        Assert.Equal(written, File.GetLastWriteTimeUtc(second.Path));
        Assert.Single(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_wrong_claimed_hash_is_reported_and_the_bytes_are_kept_under_their_real_hash()
    {
        var bytes = "2023年度报告"u8.ToArray();
        var archive = new ContentAddressedArchive(_root);
        var wrong = new string('0', 64);

        var body = await archive.StoreAsync(new MemoryStream(bytes), wrong, default);

        Assert.True(body.HashMismatch);
        Assert.Equal(wrong, body.ClaimedSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), body.Sha256);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(archive.PathFor(body.Sha256)));
    }

    [Fact]
    public async Task A_damaged_archived_file_is_replaced_by_the_intact_bytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(4096);
        var archive = new ContentAddressedArchive(_root);
        var body = await archive.StoreAsync(new MemoryStream(bytes), null, default);
        await File.WriteAllBytesAsync(body.Path, bytes[..100]);

        await archive.StoreFileAsync(await WriteTemp(bytes), body.Sha256, default);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(body.Path));
    }

    [Fact]
    public void A_path_for_something_that_is_not_a_sha256_is_refused()
    {
        var archive = new ContentAddressedArchive(_root);
        var error = Assert.Throws<ArgumentException>(() => archive.PathFor("../../etc/passwd"));
        Assert.Contains("sha256", error.Message);
    }

    private async Task<string> WriteTemp(byte[] bytes)
    {
        var path = Path.Combine(_root, "body.tmp");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

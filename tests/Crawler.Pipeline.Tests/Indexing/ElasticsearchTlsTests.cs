using Crawler.Pipeline.Indexing;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>HTTPS with a private CA: trusted when the CA file is configured, refused otherwise.</summary>
public sealed class ElasticsearchTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("es-tls-").FullName;

    [Fact]
    public async Task The_configured_CA_is_trusted_and_nothing_else_is()
    {
        using var authority = TestCertificates.CreateAuthority("Elasticsearch security auto-configuration HTTP CA");
        using var stranger = TestCertificates.CreateAuthority("Some other CA");
        using var serverCertificate = TestCertificates.CreateServer(authority);
        await using var server = await FakeElasticsearch.StartAsync((_, _) => Task.FromResult((200, """{"cluster_name":"c","status":"green","number_of_nodes":1}""")), certificate: serverCertificate);
        Assert.Equal("https", server.Url.Scheme);
        var trusted = TestCertificates.WritePem(authority, _directory);
        var strangerPath = Path.Combine(_directory, "other.crt");
        File.WriteAllText(strangerPath, stranger.ExportCertificatePem());
        ElasticsearchOptions With(string? ca) => IndexingFixtures.Options(server.Url) with { CaCertificatePath = ca, RequestAttempts = 1 };

        var withCa = await IndexingFixtures.Client(With(trusted)).HealthAsync(default);
        var withoutCa = await IndexingFixtures.Client(With(null)).HealthAsync(default);
        var withOtherCa = await IndexingFixtures.Client(With(strangerPath)).HealthAsync(default);

        Assert.Equal("green", withCa.Value?.Status);
        Assert.False(withoutCa.Succeeded);
        Assert.Contains("SSL", withoutCa.Error);
        Assert.False(withOtherCa.Succeeded);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void A_CA_file_without_a_certificate_is_a_clear_configuration_error()
    {
        var path = Path.Combine(_directory, "empty.pem");
        File.WriteAllText(path, "not a certificate\n");

        var error = Assert.Throws<InvalidOperationException>(() => ElasticsearchConnection.LoadCertificateAuthority(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Options_are_validated_with_messages_naming_the_key()
    {
        var validator = new ElasticsearchOptionsValidator();

        var result = validator.Validate(null, new ElasticsearchOptions
        {
            Url = new Uri("ftp://es:9200"), ApiKey = "x", Username = "elastic", CaCertificatePath = "/nonexistent/ca.crt", IndexName = "Reports",
        });

        Assert.True(result.Failed);
        Assert.Contains("Elasticsearch:Url must be an absolute http(s) URL", result.FailureMessage);
        Assert.Contains("either ApiKey or Username/Password", result.FailureMessage);
        Assert.Contains("Elasticsearch:Password is required", result.FailureMessage);
        Assert.Contains("'/nonexistent/ca.crt' does not exist", result.FailureMessage);
        Assert.Contains("IndexName 'Reports'", result.FailureMessage);
        Assert.True(validator.Validate(null, new ElasticsearchOptions()).Succeeded);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

using System.Security.Cryptography;
using System.Text;
using Crawler.Pipeline.Indexing;
using Crawler.Testing.Elasticsearch;

namespace Crawler.Pipeline.Tests.Indexing;

/// <summary>
/// The connection options through the official client: HTTPS with a private CA or a pinned fingerprint (trusted when
/// configured, refused otherwise), a pool of several nodes, and the start-up validation of every option.
/// </summary>
public sealed class ElasticsearchTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("es-tls-").FullName;

    [Fact]
    public async Task The_configured_CA_is_trusted_and_nothing_else_is()
    {
        using var authority = TestCertificates.CreateAuthority("Elasticsearch security auto-configuration HTTP CA");
        using var stranger = TestCertificates.CreateAuthority("Some other CA");
        using var serverCertificate = TestCertificates.CreateServer(authority);
        await using var server = await Elasticsearch9Server.StartAsync(certificate: serverCertificate);
        Assert.Equal("https", server.Url.Scheme);
        var trusted = TestCertificates.WritePem(authority, _directory);
        var strangerPath = Path.Combine(_directory, "other.crt");
        File.WriteAllText(strangerPath, stranger.ExportCertificatePem());
        ElasticsearchOptions With(string? ca) => IndexingFixtures.Options(server.Url) with { CaCertificatePath = ca };

        var withCa = await IndexingFixtures.Client(With(trusted)).HealthAsync(default);
        var withoutCa = await IndexingFixtures.Client(With(null)).HealthAsync(default);
        var withOtherCa = await IndexingFixtures.Client(With(strangerPath)).HealthAsync(default);

        Assert.Equal("yellow", withCa.Value?.Status);
        Assert.False(withoutCa.Succeeded);
        Assert.Contains("SSL", withoutCa.Error);
        Assert.False(withOtherCa.Succeeded);
        Assert.Equal(["GET /", "GET /_cluster/health"], server.Cluster.Requests.Select(r => $"{r.Method} {r.Path}")); // only the trusted client got through
    }

    [Fact]
    public async Task A_pinned_fingerprint_is_trusted_and_a_wrong_one_is_not()
    {
        using var authority = TestCertificates.CreateAuthority("Elasticsearch security auto-configuration HTTP CA");
        using var serverCertificate = TestCertificates.CreateServer(authority);
        await using var server = await Elasticsearch9Server.StartAsync(certificate: serverCertificate);
        // As `openssl x509 -fingerprint -sha256` prints it: colon-separated upper-case hex.
        static string Print(byte[] der) => string.Join(':', SHA256.HashData(der).Select(b => b.ToString("X2")));
        var wrong = Print(Encoding.UTF8.GetBytes("no"));

        var pinned = await IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { CertificateFingerprint = Print(serverCertificate.RawData) }).HealthAsync(default);
        var lowerCase = await IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { CertificateFingerprint = Print(serverCertificate.RawData).Replace(":", "").ToLowerInvariant() }).HealthAsync(default);
        var mismatched = await IndexingFixtures.Client(IndexingFixtures.Options(server.Url) with { CertificateFingerprint = wrong }).HealthAsync(default);

        Assert.True(pinned.Succeeded, pinned.Error);
        Assert.Equal("yellow", pinned.Value?.Status);
        Assert.True(lowerCase.Succeeded, lowerCase.Error);
        Assert.False(mismatched.Succeeded);
        Assert.Contains("SSL", mismatched.Error);
        Assert.Equal(4, server.Cluster.Requests.Count); // GET / and GET /_cluster/health, twice: nothing from the mismatched client
    }

    [Fact]
    public async Task A_pool_of_several_nodes_skips_the_dead_one_and_retries_on_a_live_node()
    {
        await using var live = await Elasticsearch9Server.StartAsync();
        var dead = IndexingFixtures.ClosedPort();
        var options = IndexingFixtures.Options(dead) with { Nodes = [live.Url.AbsoluteUri] };
        var index = IndexingFixtures.Client(options);

        var results = new List<bool>();
        for (var i = 0; i < 4; i++) results.Add((await index.HealthAsync(default)).Succeeded);

        Assert.All(results, Assert.True);
        // Every call answered by the live node, whichever node it tried first; a pool pings a node (HEAD /) before its first use.
        Assert.Equal(8, live.Cluster.Requests.Count(r => r.Method != "HEAD"));
        Assert.Equal(["HEAD /"], live.Cluster.Requests.Where(r => r.Method == "HEAD").Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void A_CA_file_without_a_certificate_is_a_clear_configuration_error()
    {
        var path = Path.Combine(_directory, "empty.pem");
        File.WriteAllText(path, "not a certificate\n");

        var result = new ElasticsearchOptionsValidator().Validate(null, new ElasticsearchOptions { Url = new Uri("https://es01:9200"), CaCertificatePath = path });

        Assert.True(result.Failed);
        Assert.Equal($"Elasticsearch:CaCertificatePath '{path}' holds no PEM certificate.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Options_are_validated_with_messages_naming_the_key()
    {
        var validator = new ElasticsearchOptionsValidator();

        var result = validator.Validate(null, new ElasticsearchOptions
        {
            Url = new Uri("ftp://es:9200"), ApiKey = "x", Username = "elastic", CaCertificatePath = "/nonexistent/ca.crt", IndexName = "Reports",
            Nodes = ["https://es02:9200", "es03"], CertificateFingerprint = "AB:CD", RequestTimeout = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Contains("Elasticsearch:Url must be an absolute http(s) URL, got 'ftp://es:9200'", result.FailureMessage);
        Assert.Contains("Elasticsearch:Nodes: 'es03' is not an absolute http(s) URL.", result.FailureMessage);
        Assert.Contains("either ApiKey or Username/Password", result.FailureMessage);
        Assert.Contains("Elasticsearch:ApiKey is not an encoded API key", result.FailureMessage);
        Assert.Contains("Elasticsearch:Password is required", result.FailureMessage);
        Assert.Contains("'/nonexistent/ca.crt' does not exist", result.FailureMessage);
        Assert.Contains("either CaCertificatePath or CertificateFingerprint", result.FailureMessage);
        Assert.Contains("Elasticsearch:CertificateFingerprint must be a SHA-256 fingerprint", result.FailureMessage);
        Assert.Contains("Elasticsearch:RequestTimeout must be positive", result.FailureMessage);
        Assert.Contains("IndexName 'Reports'", result.FailureMessage);
        Assert.True(validator.Validate(null, new ElasticsearchOptions()).Succeeded);
    }

    [Fact]
    public void A_cloud_id_is_checked_and_needs_credentials()
    {
        var validator = new ElasticsearchOptionsValidator();
        var cloudId = "reports:" + Convert.ToBase64String(Encoding.UTF8.GetBytes("asia-east1.gcp.elastic-cloud.com$4fa8821e75634032bed1cf22110e2f97$4fa8821e75634032bed1cf22110e2f96"));

        var bare = validator.Validate(null, new ElasticsearchOptions { CloudId = cloudId });
        var garbled = validator.Validate(null, new ElasticsearchOptions { CloudId = "reports-no-payload", ApiKey = ApiKey });
        var both = validator.Validate(null, new ElasticsearchOptions { CloudId = cloudId, ApiKey = ApiKey, Url = new Uri("https://es01:9200") });
        var good = validator.Validate(null, new ElasticsearchOptions { CloudId = cloudId, ApiKey = ApiKey });

        Assert.Contains("Elasticsearch:CloudId needs Elasticsearch:ApiKey or Elasticsearch:Username/Password", bare.FailureMessage);
        Assert.Contains("Elasticsearch:CloudId is not a Cloud id", garbled.FailureMessage);
        Assert.Contains("cannot be combined with Elasticsearch:Url", both.FailureMessage);
        Assert.True(good.Succeeded, good.FailureMessage);
        var pool = ElasticsearchClientFactory.Pool(new ElasticsearchOptions { CloudId = cloudId, ApiKey = ApiKey }, ElasticsearchClientFactory.Credentials(new ElasticsearchOptions { ApiKey = ApiKey }));
        Assert.Equal("https://4fa8821e75634032bed1cf22110e2f97.asia-east1.gcp.elastic-cloud.com/", Assert.Single(pool.Nodes).Uri.AbsoluteUri);
    }

    private static readonly string ApiKey = Convert.ToBase64String(Encoding.UTF8.GetBytes("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

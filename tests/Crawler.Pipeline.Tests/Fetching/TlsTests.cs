using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Tests.SimulatedWeb;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crawler.Pipeline.Tests.Fetching;

/// <summary>A site with a self-signed certificate, as many government sites have.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private Uri baseUrl = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=gov.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        app = builder.Build();
        app.Run(c =>
        {
            if (c.Request.Path == "/robots.txt") return Task.CompletedTask;
            if (c.Request.Path == "/downgrade")
            {
                c.Response.StatusCode = 302;
                c.Response.Headers.Location = "http://127.0.0.1:9/zfxxgknb/";
                return Task.CompletedTask;
            }
            return c.Response.WriteAsync("<html><title>年报</title></html>");
        });
        await app.StartAsync();
        baseUrl = new Uri(app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Source Source(bool ignoreCertificateErrors) => new()
    {
        Id = "tls",
        Agency = "测试局",
        StartUrls = [baseUrl.ToString()],
        AllowPrivateNetwork = true,
        IgnoreCertificateErrors = ignoreCertificateErrors,
    };

    [Fact]
    public async Task Self_signed_certificate_is_reported_as_a_tls_error_that_names_the_opt_out()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Source(ignoreCertificateErrors: false), new Uri(baseUrl, "/zfxxgknb/"));

        Assert.StartsWith("TLS error with 127.0.0.1", response.Error);
        Assert.Contains("ignoreCertificateErrors", response.Error);
    }

    [Fact]
    public async Task Source_that_ignores_certificate_errors_is_fetched()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Source(ignoreCertificateErrors: true), new Uri(baseUrl, "/zfxxgknb/"));

        Assert.Null(response.Error);
        Assert.Equal("<html><title>年报</title></html>", await File.ReadAllTextAsync(response.BodyFile!));
    }

    [Fact]
    public async Task A_redirect_from_https_to_http_is_refused_and_says_so()
    {
        using var rig = new CrawlerRig();
        var response = await rig.FetchAsync(Source(ignoreCertificateErrors: true), new Uri(baseUrl, "/downgrade"));

        Assert.Equal($"refused a redirect from https to http (a downgrade): {new Uri(baseUrl, "/downgrade")} → http://127.0.0.1:9/zfxxgknb/", response.Error);
        Assert.Null(response.BodyFile);
    }
}

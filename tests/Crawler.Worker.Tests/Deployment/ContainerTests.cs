using System.Text.RegularExpressions;
using Crawler.Tests.Shared;
using Crawler.Worker.Cli;

namespace Crawler.Worker.Tests.Deployment;

/// <summary>What can be checked of the container here without a Docker engine: compose, apt, and the Dockerfile's steps.</summary>
public sealed partial class ContainerTests
{
    private static readonly string Root = RepositoryPaths.Root;
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path]));

    [RequiresToolFact("docker-compose")]
    public async Task The_compose_file_is_valid_with_the_example_environment()
    {
        var (exit, output, error) = await ToolRun.RunAsync("docker-compose",
            ["-f", "ops/docker-compose.yml", "--env-file", "ops/.env.example", "config"], Root);

        Assert.True(exit == 0, error);
        foreach (var service in new[] { "certs:", "es01:", "kibana:", "crawler:", "crawler-setup:" }) Assert.Contains("  " + service, output);
        Assert.Contains("Elasticsearch__Url: https://es01:9200", output);
        // The 9.x stack the official 9.x client talks to (an 8.x server refuses compatible-with=9).
        Assert.Contains("image: docker.elastic.co/elasticsearch/elasticsearch:9.1.5", output);
        Assert.Contains("image: docker.elastic.co/kibana/kibana:9.1.5", output);
        Assert.DoesNotContain(":8.", string.Join('\n', output.Split('\n').Where(l => l.Contains("image:"))));
        Assert.Contains("Alerts__Webhook__Url: https://alerts.example.gov.cn/crawler", output);
        Assert.Contains("xpack.security.enabled: \"true\"", output);
        Assert.Contains("ELASTIC_PASSWORD: change-me-elastic", output);
        Assert.Contains("crawler-data:/data", output.Replace(" ", ""));
        Assert.Contains($"context: {Root}", output);
    }

    /// <summary>Issue 15's compose profile: PostgreSQL and two clustered workers sharing it and one data volume, each its own node.</summary>
    [RequiresToolFact("docker-compose")]
    public async Task The_cluster_profile_runs_two_workers_on_one_postgresql_database_and_one_data_volume()
    {
        var (exit, output, error) = await ToolRun.RunAsync("docker-compose",
            ["-f", "ops/docker-compose.yml", "--env-file", "ops/.env.example", "--profile", "cluster", "config"], Root);

        Assert.True(exit == 0, error);
        var services = Regex.Split(output, @"^  (?=[a-z0-9-]+:$)", RegexOptions.Multiline).Skip(1)
            .ToDictionary(block => block[..block.IndexOf(':')], block => block);
        foreach (var worker in new[] { "worker-1", "worker-2" })
        {
            var block = services[worker];
            Assert.Contains("Storage__Provider: PostgreSql", block);
            Assert.Contains("Storage__ConnectionString: Host=postgres;Database=crawler;Username=crawler;Password=change-me-postgres", block);
            Assert.Contains("Scheduler__Clustered: \"true\"", block);
            Assert.Contains($"Storage__NodeName: {worker}", block);
            Assert.Contains("cluster-data:/data:rw", block);
            Assert.Contains("Fetch__ContactUrl: mailto:opendata@example.org", block);
            Assert.Matches(@"profiles:\s*- cluster", block);
            Assert.Matches(@"postgres:\s*condition: service_healthy", block);
        }
        Assert.Contains("POSTGRES_PASSWORD: change-me-postgres", services["postgres"]);
        Assert.Matches(@"profiles:\s*- cluster", services["postgres"]);
        // The one-node crawler keeps the embedded default.
        Assert.DoesNotContain("Storage__Provider", services["crawler"]);
        Assert.Contains("crawler-data:/data:rw", services["crawler"]);
    }

    [Fact]
    public void The_setup_service_runs_commands_the_crawler_has()
    {
        var command = CommandLine().Match(Read("ops", "docker-compose.yml")).Groups[1].Value;
        var invocations = command.Split("&&", StringSplitOptions.TrimEntries).Select(c => c.Replace("/app/crawler ", "").Split(' ')).ToList();

        Assert.Equal([["es", "setup"], ["kibana", "setup"]], invocations);
        Assert.All(invocations, args => Assert.Empty(CrawlerCommandLine.Build().Parse(args).Errors));
        Assert.Empty(CrawlerCommandLine.Build().Parse(["health"]).Errors);
    }

    [RequiresToolFact("apt-get")]
    public async Task The_images_package_list_is_installable()
    {
        var packages = InstallDepsPackages();
        Assert.Contains("tesseract-ocr-chi-sim", packages);
        Assert.Contains("libreoffice-writer-nogui", packages);

        var (exit, _, error) = await ToolRun.RunAsync("apt-get", ["install", "--dry-run", "-qq", "--no-install-recommends", .. packages], Root);

        Assert.True(exit == 0, $"apt-get install --dry-run {string.Join(' ', packages)}: {error}");
    }

    [Fact]
    public void The_Dockerfile_installs_packages_and_builds_the_way_CI_does()
    {
        var dockerfile = Read("Dockerfile");
        var ci = Read(".ci", "run");
        var tests = Read("tests", "run.sh");

        // One package list for both: the image and CI call the same script.
        Assert.Contains("ops/install-deps.sh", ci);
        Assert.Contains("COPY ops/install-deps.sh", dockerfile);
        Assert.Contains("bash /tmp/install-deps.sh", dockerfile);
        Assert.DoesNotContain("apt-get install", dockerfile);
        Assert.Contains("ARG WITH_LIBREOFFICE=true", dockerfile);
        Assert.Contains("WITH_LIBREOFFICE=\"${WITH_LIBREOFFICE}\"", dockerfile);
        // Same configuration and environment as the CI build.
        Assert.Contains("-c Release", tests);
        Assert.Contains("-c Release", dockerfile);
        Assert.Contains("DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1", ci);
        Assert.Contains("DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1", dockerfile);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build", dockerfile);
        Assert.Matches(@"FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0 AS runtime", dockerfile);
        Assert.Contains("USER $APP_UID", dockerfile);
        Assert.Contains("VOLUME [\"/data\"]", dockerfile);
        Assert.Contains("CMD [\"/app/crawler\", \"health\"]", dockerfile);
        Assert.Contains("ENTRYPOINT [\"/app/crawler\"]", dockerfile);
    }

    [Fact]
    public void Leaving_out_LibreOffice_drops_only_LibreOffice()
    {
        Assert.Equal(InstallDepsPackages().Where(p => p != "libreoffice-writer-nogui"), InstallDepsPackages("false"));
    }

    /// <summary>The runtime packages install-deps.sh would install, read by bash itself from the script.</summary>
    private static List<string> InstallDepsPackages(string withLibreOffice = "true")
    {
        var script = Read("ops", "install-deps.sh");
        var block = script[script.IndexOf("packages=(", StringComparison.Ordinal)..script.IndexOf("if [ \"${1:-}\"", StringComparison.Ordinal)];
        var run = ToolRun.RunAsync("bash", ["-c", $"set -e; WITH_LIBREOFFICE={withLibreOffice}; {block}\necho \"${{packages[@]}}\""], Root).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. run.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    [GeneratedRegex(@"command: \[""([^""]+)""\]")]
    private static partial Regex CommandLine();
}

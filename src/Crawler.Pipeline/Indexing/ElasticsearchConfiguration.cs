using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Indexing;

/// <summary>
/// Reads the "Elasticsearch" section the same way for the worker (as its options, validated at start) and for the
/// commands: binding, the comma-separated form of Nodes, and a value that does not parse recorded as a problem.
/// </summary>
public static class ElasticsearchConfiguration
{
    public static ElasticsearchOptions Read(IConfiguration configuration)
    {
        var options = new ElasticsearchOptions();
        Configure(configuration.GetSection(ElasticsearchOptions.SectionName), options);
        return options;
    }

    /// <summary>The section's options and every problem with them, one line each (empty when valid).</summary>
    public static (ElasticsearchOptions Options, IReadOnlyList<string> Problems) ReadValidated(IConfiguration configuration)
    {
        var options = Read(configuration);
        var result = new ElasticsearchOptionsValidator().Validate(null, options);
        return (options, result.Failed ? [.. result.Failures ?? []] : []);
    }

    internal static void Configure(IConfigurationSection section, ElasticsearchOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            options.BindingError = exception.Message;
        }
        // The binder ignores a scalar for an array; Elasticsearch__Nodes=a,b is the natural docker form.
        if (section["Nodes"] is { Length: > 0 } list)
            options.Nodes = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    internal sealed class FromSection(IConfiguration configuration) : IConfigureOptions<ElasticsearchOptions>
    {
        public void Configure(ElasticsearchOptions options) => ElasticsearchConfiguration.Configure(configuration.GetSection(ElasticsearchOptions.SectionName), options);
    }
}

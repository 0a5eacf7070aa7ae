using System.Reflection;
using Crawler.Extraction.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crawler.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Wires the extract stage: options from "Extraction" (validated at start-up), the process runner,
    /// the facade, and every concrete <see cref="IDocumentExtractor"/> in this assembly — found by
    /// scanning, so a new format's extractor needs no registration line.
    /// </summary>
    public static IServiceCollection AddExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(DocumentExtraction))) return services;
        services.AddOptions<ExtractionOptions>()
            .Bind(configuration.GetSection(ExtractionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<ExtractionOptions>, ExtractionOptionsValidation>();
        services.AddOptions<Pdf.PdfOptions>().Bind(configuration.GetSection($"{ExtractionOptions.SectionName}:Pdf"));
        services.AddOptions<Ocr.OcrOptions>().Bind(configuration.GetSection($"{ExtractionOptions.SectionName}:Ocr"));
        services.TryAddSingleton<ProcessRunner>();
        foreach (var type in ExtractorTypes())
        {
            services.TryAddSingleton(type);
            services.AddSingleton(typeof(IDocumentExtractor), provider => provider.GetRequiredService(type));
        }
        services.TryAddSingleton<DocumentExtraction>();
        services.TryAddSingleton<IDocumentExtraction>(provider => provider.GetRequiredService<DocumentExtraction>());
        return services;
    }

    internal static IEnumerable<Type> ExtractorTypes() =>
        typeof(ExtractionServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                        && typeof(IDocumentExtractor).IsAssignableFrom(t)
                        && t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length > 0)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
}

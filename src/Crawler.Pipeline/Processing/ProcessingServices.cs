using Crawler.Reports.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// Wires the per-document stages after a fetch: <see cref="DocumentProcessor"/> (archive the body, then hand it on)
/// and <see cref="ArchivedDocumentProcessor"/> (extract → parse → validate → store → announce), with
/// <see cref="ReportParser"/> unless another IReportParser is registered first. The extraction they call comes from
/// AddExtraction, the store from AddStorage, the archive from AddArchiving.
/// </summary>
public static class ProcessingServices
{
    public static IServiceCollection AddProcessing(this IServiceCollection services)
    {
        // The parser is pure code without wiring of its own; a host may register another IReportParser first.
        services.TryAddSingleton<IReportParser, ReportParser>();
        services.TryAddSingleton<ArchivedDocumentProcessor>();
        services.TryAddSingleton<DocumentProcessor>();
        return services;
    }
}

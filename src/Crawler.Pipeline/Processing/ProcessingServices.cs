using Crawler.Pipeline.Archiving;
using Crawler.Reports.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crawler.Pipeline.Processing;

/// <summary>
/// Wires the per-document stages after a fetch, <see cref="DocumentStages"/>: <see cref="ArchiveStage"/> (the archive
/// stage's entry, from Archiving/), <see cref="ExtractStage"/>, <see cref="ParseStage"/> (with <see cref="ReportParser"/>
/// unless another IReportParser is registered first), <see cref="ValidateStage"/>, <see cref="StoreStage"/>,
/// <see cref="AnnounceStage"/> and the <see cref="ProcessingStates"/> they end documents in. The extraction they call
/// comes from AddExtraction, the store from AddStorage, the archive from AddArchiving.
/// </summary>
public static class ProcessingServices
{
    public static IServiceCollection AddProcessing(this IServiceCollection services)
    {
        // The parser is pure code without wiring of its own; a host may register another IReportParser first.
        services.TryAddSingleton<IReportParser, ReportParser>();
        services.TryAddSingleton<ProcessingStates>();
        services.TryAddSingleton<ArchiveStage>();
        services.TryAddSingleton<ExtractStage>();
        services.TryAddSingleton<ParseStage>();
        services.TryAddSingleton<ValidateStage>();
        services.TryAddSingleton<StoreStage>();
        services.TryAddSingleton<AnnounceStage>();
        services.TryAddSingleton<DocumentStages>();
        return services;
    }
}

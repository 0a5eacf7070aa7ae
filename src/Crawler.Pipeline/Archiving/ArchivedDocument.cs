using Crawler.Pipeline.Sources;
using Crawler.Pipeline.Storage;

namespace Crawler.Pipeline.Archiving;

/// <summary>
/// A document whose body is in the archive (under <see cref="Sha256"/>), with where it was found: what the stages after
/// the archive work from — a fresh fetch, a 304 of something never finished, or a quarantined document retried.
/// </summary>
public sealed record ArchivedDocument(Source Source, string Sha256, DocumentContext Context);

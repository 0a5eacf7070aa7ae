namespace Crawler.Pipeline.Tests.Notification;

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers, string Body);

namespace Crawler.Worker.Web;

public sealed record ReadinessResult(bool Ready, string Detail);

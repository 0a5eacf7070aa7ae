namespace Crawler.Pipeline.Tests.Notification;

/// <summary>A clock the test moves by hand (a clock, not a stand-in for a collaborator).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to;
}

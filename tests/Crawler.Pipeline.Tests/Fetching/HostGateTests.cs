using System.Diagnostics;
using Crawler.Pipeline.Fetching;

namespace Crawler.Pipeline.Tests.Fetching;

/// <summary>The per-host pause is a floor: no request may start before the delay since the last one ended is over.</summary>
public sealed class HostGateTests
{
    private static readonly Uri Host = new("http://127.0.0.1:8080/a.html");

    [Fact]
    public async Task The_next_turn_waits_the_whole_delay_even_when_timers_fire_early()
    {
        var delay = TimeSpan.FromMilliseconds(200);
        var gate = new HostGate(new EarlyTimers(TimeSpan.FromMilliseconds(40)));
        using (await gate.EnterAsync(Host, delay, CancellationToken.None))
        {
        }
        var released = Stopwatch.GetTimestamp();

        using (await gate.EnterAsync(Host, delay, CancellationToken.None))
        {
            var waited = Stopwatch.GetElapsedTime(released);
            Assert.True(waited >= delay, $"second turn after {waited.TotalMilliseconds:0.0} ms, delay {delay.TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task Other_hosts_do_not_wait()
    {
        var gate = new HostGate(TimeProvider.System);
        using (await gate.EnterAsync(Host, TimeSpan.FromSeconds(30), CancellationToken.None))
        {
        }
        var started = Stopwatch.GetTimestamp();
        using (await gate.EnterAsync(new Uri("http://127.0.0.2:8080/a.html"), TimeSpan.FromSeconds(30), CancellationToken.None))
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>The system clock, with timers that fire <paramref name="early"/> before they are due (coarse timer ticks, rounding down).</summary>
    private sealed class EarlyTimers(TimeSpan early) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime > early ? dueTime - early : TimeSpan.Zero, period);
    }
}

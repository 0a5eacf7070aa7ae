namespace Crawler.Pipeline.Outbox;

/// <summary>
/// What dispatching did: messages delivered, put back for a later attempt, declared dead; <see cref="Unreachable"/>
/// says why a receiver could not be reached (its messages were left untouched).
/// </summary>
public sealed record DispatchSummary(int Delivered, int Retrying, int Dead, string? Unreachable = null)
{
    public static DispatchSummary Idle { get; } = new(0, 0, 0);

    public int Handled => Delivered + Retrying + Dead;

    public DispatchSummary Add(DispatchSummary other) =>
        new(Delivered + other.Delivered, Retrying + other.Retrying, Dead + other.Dead, other.Unreachable ?? Unreachable);

    public static DispatchSummary Of(Settlement settlement, string? error) => settlement.Kind switch
    {
        SettlementKind.Delivered => new(1, 0, 0),
        SettlementKind.Retrying => new(0, 1, 0),
        SettlementKind.Dead => new(0, 0, 1),
        _ => new(0, 0, 0, error),
    };
}

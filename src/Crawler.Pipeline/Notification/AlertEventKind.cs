namespace Crawler.Pipeline.Notification;

/// <summary>What an alert announces; serialized kebab-case (new-report, new-version, missing-report, rule-violation).</summary>
public enum AlertEventKind
{
    NewReport,
    NewVersion,
    MissingReport,
    RuleViolation,
}

namespace Crawler.Pipeline.Tests.Notification;

/// <summary>A message as the SMTP server received it, decoded by Python's e-mail parser.</summary>
internal sealed record ReceivedMail(string MailFrom, string[] RcptTos, string Subject, string RawSubject, string Charset, string Body, string? IdempotencyKey, string? Login)
{
    public string? MessageId { get; init; }
}

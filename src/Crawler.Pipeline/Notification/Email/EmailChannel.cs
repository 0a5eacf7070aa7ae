using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Crawler.Pipeline.Notification.Email;

/// <summary>
/// Sends the alert as a plain-text e-mail over SMTP, subject and body in UTF-8 (encoded words and
/// base64, so any relay carries the Chinese intact). The idempotency key travels as X-Idempotency-Key and
/// shapes the Message-ID: a crash between the server's acceptance and the outbox's record sends the alert again
/// under the same Message-ID, which mailboxes that drop repeated Message-IDs (Gmail; Sieve "duplicate") show once.
/// </summary>
public sealed class EmailChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    public string Name => "email";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Email.Host);

    public async Task<DeliveryResult> SendAsync(AlertEvent alert, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var email = settings.Email;
        using var message = new MailMessage
        {
            From = new MailAddress(email.From ?? throw new InvalidOperationException("Alerts:Email:From is not configured")),
            Subject = AlertText.Subject(alert),
            SubjectEncoding = Encoding.UTF8,
            Body = AlertText.Plain(alert),
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        foreach (var to in email.Recipients()) message.To.Add(to);
        message.Headers.Add("X-Idempotency-Key", alert.IdempotencyKey);
        message.Headers.Add("Message-ID", MessageId(alert.IdempotencyKey, message.From.Host));

        using var client = new SmtpClient(email.Host, email.Port) { EnableSsl = email.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (!string.IsNullOrEmpty(email.UserName)) client.Credentials = new NetworkCredential(email.UserName, email.Password);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(settings.Timeout);
        try
        {
            await client.SendMailAsync(message, attempt.Token).ConfigureAwait(false);
            return DeliveryResult.Ok;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed(string.Create(CultureInfo.InvariantCulture, $"SMTP {email.Host}:{email.Port} did not finish within {settings.Timeout.TotalSeconds:0.#} s"));
        }
        catch (Exception exception) when (exception is SmtpException or IOException or SocketException)
        {
            var detail = exception.InnerException is { } inner ? $"{exception.Message} ({inner.Message})" : exception.Message;
            return DeliveryResult.Failed($"SMTP {email.Host}:{email.Port}: {detail}");
        }
    }

    /// <summary>The same for every sending of one alert: &lt;hash of the key.alert@sender's domain&gt;.</summary>
    public static string MessageId(string idempotencyKey, string domain) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}.alert@{domain}>";
}

using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Sends through SendGrid's C# client. The client neither throws on 4xx/5xx nor retries a 429, so this class does:
/// 429 waits until X-RateLimit-Reset, 5xx and refused connections back off exponentially, both within
/// <see cref="EmailOptions.MaxRetries"/>; other 4xx are final.
/// </summary>
internal sealed partial class SendGridTransport(
    ISendGridClient client, EmailOptions options, IRetryWaiter waiter, TimeProvider time, ILogger<SendGridTransport> logger) : IEmailTransport
{
    public const string IdempotencyKeyArg = "idempotency_key";
    public const string CaseIdArg = "case_id";
    public const string TemplateIdArg = "template_id";

    /// <summary>The SendGrid client the way production and tests build it: our HttpClient, our host.</summary>
    public static SendGridClient CreateClient(HttpClient http, EmailOptions options) =>
        new(http, new SendGridClientOptions { ApiKey = options.SendGridApiKey, Host = options.SendGridHost });

    public async Task<TransportResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var message = ToSendGridMessage(email);
        for (var attempt = 1; ; attempt++)
        {
            var canRetry = attempt <= options.MaxRetries;
            Response response;
            try
            {
                response = await client.SendEmailAsync(message, cancellationToken);
            }
            catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                // The connection was never made, so nothing was sent: safe to try again.
                if (!canRetry)
                {
                    return new TransportResult.Unavailable($"could not connect to SendGrid ({e.HttpRequestError})", null);
                }

                await Retry(email, attempt, null, Backoff(attempt), cancellationToken);
                continue;
            }
            catch (HttpRequestException e)
            {
                return new TransportResult.Ambiguous($"the connection to SendGrid failed mid-request ({e.HttpRequestError})");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new TransportResult.Ambiguous($"SendGrid did not answer within {options.RequestTimeout}");
            }

            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new TransportResult.Accepted(Header(response, "X-Message-Id"));
            }

            var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
            if (status == 429 || status >= 500 || status is 401 or 403)
            {
                if (!canRetry || status is 401 or 403)
                {
                    // 401/403 is our configuration (key, sender), not the recipient: keep it retryable once fixed.
                    return new TransportResult.Unavailable($"SendGrid answered {status}: {ErrorText(body)}", status);
                }

                var delay = status == 429 ? RateLimitDelay(response, attempt) : Backoff(attempt);
                if (delay is null)
                {
                    return new TransportResult.Unavailable($"SendGrid rate limit resets later than {options.MaxRateLimitWait}", status);
                }

                await Retry(email, attempt, status, delay.Value, cancellationToken);
                continue;
            }

            return new TransportResult.Rejected($"SendGrid answered {status}: {ErrorText(body)}", status);
        }
    }

    internal static SendGridMessage ToSendGridMessage(OutgoingEmail email)
    {
        var message = new SendGridMessage
        {
            From = new SendGrid.Helpers.Mail.EmailAddress(email.From.Address, email.From.DisplayName),
            Subject = email.Content.Subject,
            PlainTextContent = email.Content.TextBody,
            HtmlContent = email.Content.HtmlBody,
        };
        message.AddTo(new SendGrid.Helpers.Mail.EmailAddress(email.To.Address, email.To.DisplayName));
        // Screen readers and mail clients (translation offers, spelling) take the language from this header.
        message.Headers = new Dictionary<string, string> { ["Content-Language"] = email.Language.Code() };
        // Our id travels with the message, so SendGrid's activity feed and webhooks can be matched to a send record.
        var args = new Dictionary<string, string> { [IdempotencyKeyArg] = email.IdempotencyKey, [TemplateIdArg] = email.TemplateId };
        if (email.CaseId is not null)
        {
            args[CaseIdArg] = email.CaseId;
        }

        message.CustomArgs = args;
        // Tracking links and upload links are short-lived capabilities: they must not be rewritten through a redirector.
        message.SetClickTracking(false, false);
        return message;
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        return delay < options.RetryMaxDelay ? delay : options.RetryMaxDelay;
    }

    /// <summary>X-RateLimit-Reset is the epoch second the limit resets; without it, back off as for a 5xx.</summary>
    private TimeSpan? RateLimitDelay(Response response, int attempt)
    {
        if (!long.TryParse(Header(response, "X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            return Backoff(attempt);
        }

        var wait = DateTimeOffset.FromUnixTimeSeconds(epochSeconds) - time.GetUtcNow();
        if (wait < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait <= options.MaxRateLimitWait ? wait : null;
    }

    private async Task Retry(OutgoingEmail email, int attempt, int? status, TimeSpan delay, CancellationToken cancellationToken)
    {
        LogRetry(logger, email.CaseId, email.TemplateId, email.IdempotencyKey, attempt, status, delay);
        await waiter.WaitAsync(delay, cancellationToken);
    }

    private static string? Header(Response response, string name) =>
        response.Headers is not null && response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>SendGrid's error body is {"errors":[{"message","field"}]}; keep the messages, fall back to the raw text.</summary>
    private static string ErrorText(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : e.ToString()));
            }
        }
        catch (JsonException)
        {
            // Not JSON: the raw body (trimmed) is the best reason there is.
        }

        return body.Length > 500 ? body[..500] : body;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid attempt {Attempt} for case {CaseId} template {TemplateId} key {IdempotencyKey} got {StatusCode}; retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string? caseId, string templateId, string idempotencyKey, int attempt, int? statusCode, TimeSpan delay);
}

using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Settings of the "Email" configuration section. In Azure the SendGrid key is a Key Vault reference app setting.</summary>
internal sealed record EmailOptions
{
    public const string Section = "Email";

    /// <summary>SendGrid API key; without one, mail goes to <see cref="PickupDirectory"/> as .eml files.</summary>
    public string? SendGridApiKey { get; init; }

    /// <summary>Base address of the SendGrid API (tests point it at a fake server on loopback).</summary>
    public string SendGridHost { get; init; } = "https://api.sendgrid.com";

    /// <summary>Sender address; with SendGrid it must be a verified sender of the account.</summary>
    public string FromAddress { get; init; } = "noreply@ombudsman.invalid";

    public string FromName { get; init; } = "Ombudsman Republik Indonesia";

    /// <summary>Where .eml files go when there is no API key; a relative path is taken from the repository root when run from a checkout.</summary>
    public string PickupDirectory { get; init; } = Path.Combine(".data", "mail");

    /// <summary>Retries after a 429, a 5xx or a refused connection, beyond the first attempt.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff after a 5xx; doubles on each retry up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait honoured for a 429's X-RateLimit-Reset; a later reset counts as a failed attempt.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Timeout of one HTTP request to SendGrid; an answer that never came is an ambiguous attempt.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a Pending send record holds its key. After it, an unfinished attempt is treated as a crash and the
    /// record becomes Uncertain. Must exceed the longest an attempt can take with all its retries.
    /// </summary>
    public TimeSpan PendingLease { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The table of send records, in the app's storage account.</summary>
    public string SendRecordsTable { get; init; } = "EmailSendRecords";

    public EmailAddress From => new(FromAddress, FromName);

    /// <summary>The worst case an attempt can take: every retry waiting the longest it may.</summary>
    public TimeSpan LongestAttempt =>
        (Max(RetryMaxDelay, MaxRateLimitWait) * MaxRetries) + (RequestTimeout * (MaxRetries + 1));

    public static EmailOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = new EmailOptions();
        var options = new EmailOptions
        {
            SendGridApiKey = NullIfEmpty(section["SendGridApiKey"]),
            SendGridHost = NullIfEmpty(section["SendGridHost"]) ?? defaults.SendGridHost,
            FromAddress = NullIfEmpty(section["FromAddress"]) ?? defaults.FromAddress,
            FromName = NullIfEmpty(section["FromName"]) ?? defaults.FromName,
            PickupDirectory = NullIfEmpty(section["PickupDirectory"]) ?? defaults.PickupDirectory,
            MaxRetries = NullIfEmpty(section["MaxRetries"]) is { } retries ? int.Parse(retries, CultureInfo.InvariantCulture) : defaults.MaxRetries,
            RetryBaseDelay = Duration(section, "RetryBaseDelay") ?? defaults.RetryBaseDelay,
            RetryMaxDelay = Duration(section, "RetryMaxDelay") ?? defaults.RetryMaxDelay,
            MaxRateLimitWait = Duration(section, "MaxRateLimitWait") ?? defaults.MaxRateLimitWait,
            RequestTimeout = Duration(section, "RequestTimeout") ?? defaults.RequestTimeout,
            PendingLease = Duration(section, "PendingLease") ?? defaults.PendingLease,
            SendRecordsTable = NullIfEmpty(section["SendRecordsTable"]) ?? defaults.SendRecordsTable,
        };
        options.Validate();
        return options;
    }

    /// <summary>Fails at start-up rather than at the first email.</summary>
    public void Validate()
    {
        _ = From;
        if (MaxRetries < 0 || RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || MaxRateLimitWait < TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Email: MaxRetries must be >= 0 and 0 < RetryBaseDelay <= RetryMaxDelay");
        }

        if (PendingLease <= LongestAttempt)
        {
            throw new InvalidOperationException(
                $"Email:PendingLease ({PendingLease}) must exceed the longest attempt with retries ({LongestAttempt}), or a slow attempt would be taken for a crash");
        }

        if (!Uri.TryCreate(SendGridHost, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Email:SendGridHost is not an absolute URL: {SendGridHost}");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan? Duration(IConfigurationSection section, string key) =>
        NullIfEmpty(section[key]) is { } value ? TimeSpan.Parse(value, CultureInfo.InvariantCulture) : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

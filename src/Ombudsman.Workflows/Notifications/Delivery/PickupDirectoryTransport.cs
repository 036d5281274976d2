using System.Text;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Without a SendGrid key, "sending" writes the message as an .eml file into the pickup directory. The file name
/// derives from the notification key, and the file appears by an atomic no-overwrite move, so a retry finds it
/// instead of writing a second copy.
/// </summary>
internal sealed class PickupDirectoryTransport(EmailOptions options, TimeProvider time) : IEmailTransport
{
    public string Directory { get; } = Path.GetFullPath(options.PickupDirectory);

    public async Task<TransportResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = FileName(email);
        var path = Path.Combine(Directory, name);
        if (File.Exists(path))
        {
            return new TransportResult.Accepted(name);
        }

        var temporary = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, MimeMessageWriter.Write(email, time.GetUtcNow()), new UTF8Encoding(false), cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // A concurrent attempt of the same notification won: its file is the one copy.
            File.Delete(temporary);
        }

        return new TransportResult.Accepted(name);
    }

    /// <summary>Readable and unique: template, a cleaned-up key and a hash of the exact key.</summary>
    public static string FileName(OutgoingEmail email)
    {
        var cleaned = new string([.. email.IdempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        if (cleaned.Length > 80)
        {
            cleaned = cleaned[..80];
        }

        return $"{email.TemplateId}-{cleaned}-{MimeMessageWriter.MessageToken(email)[..12]}.eml";
    }
}

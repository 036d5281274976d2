using System.Text;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Without a SendGrid key, "sending" writes the message as an .eml file into the pickup directory. The file name
/// derives from the notification key, and the file appears by an atomic no-overwrite move, so a retry finds it
/// instead of writing a second copy.
/// </summary>
internal sealed class PickupDirectoryTransport(EmailOptions options, TimeProvider time) : IEmailTransport
{
    private const string RepositoryMarker = "Ombudsman.sln";

    public string Directory { get; } = Resolve(options.PickupDirectory, Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>
    /// A relative pickup directory is taken from the repository root when the app runs from a checkout (found from
    /// the working directory, else from the app's own folder), so `.data/mail` is the same folder whichever directory
    /// the app was started in; elsewhere it is relative to the working directory.
    /// </summary>
    public static string Resolve(string pickupDirectory, string workingDirectory, string appDirectory)
    {
        if (Path.IsPathRooted(pickupDirectory))
        {
            return Path.GetFullPath(pickupDirectory);
        }

        var root = RepositoryRoot(workingDirectory) ?? RepositoryRoot(appDirectory) ?? workingDirectory;
        return Path.GetFullPath(Path.Combine(root, pickupDirectory));
    }

    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

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

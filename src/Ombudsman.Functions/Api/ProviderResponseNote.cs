using System.Globalization;
using System.Text.RegularExpressions;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>
/// How a provider's response is written on the case timeline (the action's note): <c>[late: after the response
/// deadline {deadline}] </c> when late, the text, then <c> (documents: id, id)</c> when documents go with it; and how
/// the provider's page reads it back.
/// </summary>
internal static partial class ProviderResponseNote
{
    private const string LatePrefix = "[late: after the response deadline ";
    private const string DocumentsPrefix = " (documents: ";

    public static string Compose(string text, IReadOnlyList<string> documentIds, DateTimeOffset? lateAfter)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        var late = lateAfter is { } due ? $"{LatePrefix}{due.ToString("O", CultureInfo.InvariantCulture)}] " : "";
        var files = documentIds.Count > 0 ? $"{DocumentsPrefix}{string.Join(", ", documentIds)})" : "";
        return late + text + files;
    }

    /// <summary>The provider's responses on a timeline, oldest first.</summary>
    public static IReadOnlyList<SentProviderResponse> Of(CaseStatus? status) =>
        status is null
            ? []
            : [.. status.Timeline
                .Where(e => e is { Kind: TimelineKind.Action, Event: CaseEvents.ProviderResponseSubmitted } && e.Actor.Role == CaseRole.Provider)
                .Select(e => Parse(e.At, e.What))];

    /// <summary>One timeline entry's text (<c>provider-response-submitted: {note}</c>) read back.</summary>
    public static SentProviderResponse Parse(DateTimeOffset at, string what)
    {
        ArgumentNullException.ThrowIfNull(what);
        var note = what.StartsWith(CaseEvents.ProviderResponseSubmitted + ": ", StringComparison.Ordinal)
            ? what[(CaseEvents.ProviderResponseSubmitted.Length + 2)..]
            : what;
        var late = false;
        if (LateMark().Match(note) is { Success: true } mark)
        {
            late = true;
            note = note[mark.Length..];
        }

        IReadOnlyList<string> documents = [];
        if (DocumentList().Match(note) is { Success: true } list)
        {
            documents = list.Groups["ids"].Value.Split(", ");
            note = note[..list.Index];
        }

        return new SentProviderResponse(at, note, documents, late);
    }

    [GeneratedRegex(@"^\[late: after the response deadline [0-9T:.+\-Z]+\] ", RegexOptions.CultureInvariant)]
    private static partial Regex LateMark();

    // Evidence ids only (letters, digits, hyphens), so a response that merely ends in brackets keeps its text.
    [GeneratedRegex(@" \(documents: (?<ids>[A-Za-z0-9-]+(?:, [A-Za-z0-9-]+)*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentList();
}

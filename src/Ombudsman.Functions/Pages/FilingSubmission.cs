using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Idempotency;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// Sending a complaint form once: every filing form (the public one, and the staff console's assisted intake) carries a
/// one-time key, so a double click or a reload files one case and stores each file once.
/// </summary>
internal static class FilingSubmission
{
    /// <summary>The hidden field that carries the form's one-time key.</summary>
    public const string Field = "submission";

    /// <summary>How long a second send of a form waits for the first to finish filing (which waits up to 30 s for intake).</summary>
    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(40);

    /// <summary>A fresh one-time key for a form (256 random bits, base64url).</summary>
    public static string NewKey() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The form's key, when it is one this app could have issued.</summary>
    public static string? KeyOf(IFormCollection form) =>
        form[Field].ToString() is { Length: 43 } key && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : null;

    /// <summary>
    /// A posted filing form with its one-time key and chosen path, or the page that answers instead: the refusal of an
    /// unreadable or oversized form, the expired-form page without a key this app issued, and back to
    /// <paramref name="start"/> (where the path is chosen) without a path.
    /// </summary>
    public static async Task<PostedFiling> ReadAsync(HttpContext context, PageResponder pages, IStringLocalizer<Text> t, long? maxBytes, string start)
    {
        var posted = await PageForms.ReadAsync(context, maxBytes);
        if (posted.Refused)
        {
            return PostedFiling.RefusedWith(posted.Refusal);
        }

        var form = posted.Form;
        if (KeyOf(form) is not { } key)
        {
            return PostedFiling.RefusedWith(await PageEndpoints.FormExpiredAsync(context, pages, t));
        }

        var path = form["path"].ToString();
        return path is "provider" or "ombudsman" ? new PostedFiling(form, key, path, null) : PostedFiling.RefusedWith(PageResponder.SeeOther(start));
    }

    /// <summary>The page for a second send that found the first still filing: nothing is lost, look again shortly.</summary>
    public static Task<IResult> StillFilingAsync(HttpContext context, PageResponder pages, IStringLocalizer<FilingText> f) => pages.MessageAsync(
        context,
        new MessageModel(f["Submission.BusyTitle"], f["Submission.BusyMessage"]) { NextSteps = [f["Submission.BusyNextStep"]] },
        StatusCodes.Status409Conflict);

    /// <summary>
    /// Files the complaint under the form's one-time key: the first send files, a second send of the same form (a double
    /// click, a reload) gets the first one's case and token from the idempotency store and files nothing. Null when the
    /// first send is still filing after <see cref="InFlightWait"/>. <paramref name="formName"/> keeps the keys of
    /// different forms apart.
    /// </summary>
    public static async Task<(string CaseId, string Token)?> FileOnceAsync(
        string formName, string key, Workflows.Cases.Complaint complaint, DateTimeOffset now, ComplaintFiling filing, IdempotencyRecords submissions, CancellationToken cancellationToken)
    {
        var scope = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"scope\n{formName}\nform\n{key}")));
        var sealKey = SHA256.HashData(Encoding.UTF8.GetBytes($"seal\n{formName}\nform\n{key}"));
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(InFlightWait);
        while (true)
        {
            // The key alone names the form: its later sends are the same filing, whatever they carry.
            switch (await submissions.StartAsync(scope, "filing-form", sealKey, cancellationToken))
            {
                case IdempotencyStart.Replay replay:
                    var kept = JsonSerializer.Deserialize<FiledForm>(replay.Answer.Body)!;
                    return (kept.CaseId, kept.Token);
                case IdempotencyStart.Run run:
                    FilingResult result;
                    try
                    {
                        // Not the request's token: the browser drops the first request of a double click, and its filing
                        // must finish so that the second hears of it (filing bounds its own wait).
                        result = await filing.FileAsync(complaint, now, CancellationToken.None);
                    }
                    catch (Exception)
                    {
                        await submissions.ReleaseAsync(run.Lease, CancellationToken.None);
                        throw;
                    }

                    var body = JsonSerializer.SerializeToUtf8Bytes(new FiledForm(result.CaseId, result.TrackingToken));
                    await submissions.CompleteAsync(run.Lease, new IdempotentAnswer(StatusCodes.Status303SeeOther, new Dictionary<string, string[]>(), body), CancellationToken.None);
                    return (result.CaseId, result.TrackingToken);
                default:
                    try
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(250), waited.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return null;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Stores the form's files as the complainant's evidence. Each is stored under an upload key drawn from the form's key
    /// and the file's content, so a second send of the form stores nothing twice, and completes what a failed first left.
    /// </summary>
    public static async Task StoreFilesAsync(string caseId, string key, FilingForm filled, EvidenceStore evidence, ILogger logger)
    {
        foreach (var file in filled.Evidence.Concat(filled.PowerOfAttorney is null ? [] : [filled.PowerOfAttorney]))
        {
            string uploadKey;
            await using (var content = file.OpenReadStream())
            {
                var digest = Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
                uploadKey = "form-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{key}\n{file.Name}\n{file.FileName}\n{digest}")))[..40];
            }

            await using var stream = file.OpenReadStream();
            try
            {
                await evidence.UploadAsync(
                    new EvidenceUpload
                    {
                        CaseId = caseId,
                        UploadKey = uploadKey,
                        Party = EvidenceParty.Complainant,
                        FileName = file.FileName,
                        Content = stream,
                        DeclaredLength = file.Length,
                    },
                    CancellationToken.None);
            }
            catch (DomainException stored) when (stored.Code == "evidence-already-exists")
            {
                FileKept(logger, caseId, null);
            }
        }
    }

    private static readonly Action<ILogger, string, Exception?> FileKept =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(5101, "FilingFormFileKept"), "A file of a filing form sent again was already stored on case {CaseId}");

    /// <summary>What the idempotency store keeps of a filed form (sealed with a key drawn from the form's own key).</summary>
    private sealed record FiledForm(string CaseId, string Token);
}

/// <summary>A filing form as <see cref="FilingSubmission.ReadAsync"/> read it: the form, its key and path, or the page that answers instead.</summary>
internal sealed record PostedFiling(IFormCollection? Form, string Key, string Path, IResult? Refusal)
{
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Form))]
    public bool Refused => Refusal is not null;

    public static PostedFiling RefusedWith(IResult refusal) => new(null, "", "", refusal);
}

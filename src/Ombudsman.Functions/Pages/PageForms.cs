using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Ombudsman.Functions.Evidence;
using Ombudsman.Web;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// Reads a page's POSTed form, uploads included: at most <see cref="MaxBytes"/> in all, and only with the visitor's
/// form token. Anything else is refused with its page before the handler does anything. A handler takes the
/// <see cref="HttpContext"/> (not an <see cref="IFormCollection"/> parameter, which the framework would read first
/// under its own limits) and begins with:
/// <code>
/// var posted = await PageForms.ReadAsync(context);
/// if (posted.Refused) return posted.Refusal;
/// </code>
/// </summary>
internal static class PageForms
{
    /// <summary>Room for a form's fields and the multipart framing around its files.</summary>
    public const long FieldsAllowance = 1024 * 1024;

    /// <summary>How many files at the evidence limit (Evidence:MaxBytes) one form may carry.</summary>
    public const int FilesAtTheEvidenceLimit = 3;

    /// <summary>The Functions host's own limit on a request body (100 MiB); a larger form would never reach the app.</summary>
    public const long FunctionsHostRequestLimit = 100L * 1024 * 1024;

    /// <summary>
    /// The largest page form: three files at the evidence limit and the fields (76 MiB at the default 25 MiB), but
    /// never more than the Functions host lets through, so the refusal is always this app's page.
    /// </summary>
    public static long MaxBytes(long evidenceMaxBytes) =>
        Math.Min(FilesAtTheEvidenceLimit * evidenceMaxBytes, FunctionsHostRequestLimit - FieldsAllowance) + FieldsAllowance;

    /// <summary>
    /// The posted form, or the page that refuses it (too large: 413; unreadable: 400; no valid form token: the
    /// expired-form page). At most <paramref name="maxBytes"/> for a form that sets its own limit (how many files it
    /// carries), else <see cref="MaxBytes"/> at the configured evidence limit.
    /// </summary>
    public static async Task<PostedForm> ReadAsync(HttpContext context, long? maxBytes = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return PostedForm.RefusedWith(await FormExpiredAsync(context));
        }

        // Never above what the Functions host lets through: past it, the host's bare refusal would answer, not this page.
        var limit = Math.Min(maxBytes ?? MaxBytes(context.RequestServices.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxBytes), FunctionsHostRequestLimit);
        var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (request.ContentLength is { } declared && declared > limit)
        {
            await DiscardBodyAsync(context, bodySize, declared);
            return PostedForm.RefusedWith(await PageErrors.PageAsync(context, StatusCodes.Status413PayloadTooLarge));
        }

        if (bodySize is { IsReadOnly: false })
        {
            // The server's default (about 28.6 MiB) would otherwise refuse a form this limit allows.
            bodySize.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, context.RequestAborted);
        }
        catch (BadHttpRequestException bad)
        {
            // A body without a length that grows past the limit, or one that ends early.
            return PostedForm.RefusedWith(await PageErrors.PageAsync(context, bad.StatusCode));
        }
        catch (InvalidDataException)
        {
            // Multipart the form reader cannot take (broken framing, too many fields).
            return PostedForm.RefusedWith(await PageErrors.PageAsync(context, StatusCodes.Status400BadRequest));
        }

        return Visitor.HasValidFormToken(context, form) ? new PostedForm(form, null) : PostedForm.RefusedWith(await FormExpiredAsync(context));
    }

    /// <summary>
    /// Reads and drops a refused body the browser is still sending. A server that answers and closes the connection
    /// with the body unread resets it, and the browser then shows its own network error instead of the refusal page.
    /// A body past what the Functions host lets through is left alone: the host refuses it anyway.
    /// </summary>
    private static async Task DiscardBodyAsync(HttpContext context, IHttpMaxRequestBodySizeFeature? bodySize, long declared)
    {
        if (declared > FunctionsHostRequestLimit)
        {
            return;
        }

        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = declared;
        }

        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            // The body ended early or too slowly: the connection closes, as it would have without the drain.
        }
    }

    private static Task<IResult> FormExpiredAsync(HttpContext context) => PageEndpoints.FormExpiredAsync(
        context, context.RequestServices.GetRequiredService<PageResponder>(), context.RequestServices.GetRequiredService<IStringLocalizer<Text>>());
}

/// <summary>A page's POSTed form as <see cref="PageForms.ReadAsync"/> read it: the form, or the page that refuses it.</summary>
internal sealed record PostedForm(IFormCollection? Form, IResult? Refusal)
{
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Form))]
    public bool Refused => Refusal is not null;

    public static PostedForm RefusedWith(IResult refusal) => new(null, refusal);
}

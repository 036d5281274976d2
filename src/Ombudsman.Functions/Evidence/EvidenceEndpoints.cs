using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.ProviderLimits;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Evidence;

/// <summary>
/// Upload and download of a case's files. Uploads are streamed (multipart/form-data read section by section, or a raw
/// body), never buffered whole; who may act, and as which party, is decided by <see cref="ICaseAccess"/>. A provider
/// reads only its own documents and the files staff shared with it, under neutral names (<see cref="ProviderFiles"/>);
/// the complainant and staff read every file of the case.
/// </summary>
internal static class EvidenceEndpoints
{
    /// <summary>Room for multipart boundaries and headers around the file.</summary>
    private const long MultipartOverhead = 64 * 1024;

    private const string Tag = "Evidence";

    public static HttpRouteTable AddEvidenceRoutes(this HttpRouteTable routes) => routes
        .Add(HttpRoute.Post("UploadEvidence", "api/cases/{caseId}/evidence", UploadAsync) with
        {
            Tags = [Tag],
            RateLimitingPolicy = RateLimitPolicies.PublicIntake,
            Describe = b => b
                .WithSummary("Uploads one file (multipart/form-data with one file part, or the raw body with ?fileName=); the server names it; optional ?uploadKey= makes a retry safe (the same key names the same file, stored once).")
                .Produces<EvidenceRecord>(StatusCodes.Status201Created)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .ProducesProblem(StatusCodes.Status429TooManyRequests),
        })
        .Add(HttpRoute.Get("ListEvidence", "api/cases/{caseId}/evidence", ListAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("The case's files: name, type, size, SHA-256, who handed each in and when. A provider sees its own documents and the files shared with it, under neutral names.")
                .Produces<IReadOnlyList<EvidenceRecord>>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        })
        .Add(HttpRoute.Get("DownloadEvidence", "api/cases/{caseId}/evidence/{evidenceId}", DownloadAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("Streams one file; the Repr-Digest header carries its SHA-256.")
                .ProducesProblem(StatusCodes.Status404NotFound),
        })
        .Add(HttpRoute.Get("EvidenceLink", "api/cases/{caseId}/evidence/{evidenceId}/link", LinkAsync) with
        {
            Tags = [Tag],
            Describe = b => b
                .WithSummary("A short-lived read-only URL (SAS) of one file.")
                .Produces<EvidenceLink>()
                .ProducesProblem(StatusCodes.Status404NotFound),
        });

    private static async Task<IResult> UploadAsync(
        HttpContext context,
        string caseId,
        string? uploadKey,
        string? evidenceId,
        string? fileName,
        ICaseAccess access,
        EvidenceStore store,
        ProviderAllowance allowance,
        ProviderPostLimiter providerPosts,
        CancellationToken cancellationToken)
    {
        // ?evidenceId= is the earlier name of the upload key; it names no stored id any more.
        uploadKey ??= evidenceId;
        var decision = await access.CheckAsync(context, caseId, EvidenceAction.Upload, cancellationToken);
        if (!decision.Allowed)
        {
            return CaseNotFound(caseId);
        }

        var provider = decision.Party == EvidenceParty.Provider;
        if (provider && providerPosts.Refusal(context, caseId) is { } tooMany)
        {
            return tooMany;
        }

        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Our own count refuses at the evidence limit; Kestrel's default (about 28.6 MiB) must not refuse first.
            limit.MaxRequestBodySize = store.MaxBytes + MultipartOverhead;
        }

        if (request.ContentLength > store.MaxBytes + MultipartOverhead)
        {
            throw new DomainException(DomainErrorKind.TooLarge, "evidence-too-large", $"A file may have at most {store.MaxBytes} bytes.", "file");
        }

        var multipart = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

        // The provider's documents are bounded per case: the upload may use at most what its reservation holds.
        long? reserved = provider
            ? await allowance.ReserveDocumentAsync(caseId, store.MaxBytes, multipart ? null : request.ContentLength, cancellationToken)
            : null;
        EvidenceRecord record;
        try
        {
            record = multipart
                ? await UploadMultipartAsync(request, mediaType!, caseId, uploadKey, decision, reserved, store, cancellationToken)
                : await store.UploadAsync(
                    new EvidenceUpload
                    {
                        CaseId = caseId,
                        UploadKey = uploadKey,
                        Party = decision.Party,
                        FileName = fileName ?? string.Empty,
                        Content = request.Body,
                        DeclaredLength = request.ContentLength,
                        Late = decision.Late,
                        MaxBytes = reserved,
                    },
                    cancellationToken);
        }
        catch (Exception failed) when (reserved is { } bytes)
        {
            await allowance.ReleaseDocumentAsync(caseId, bytes, CancellationToken.None);
            if (failed is DomainException { Code: "evidence-too-large" } && bytes < store.MaxBytes)
            {
                throw allowance.SizeLimit(bytes);
            }

            throw;
        }

        if (reserved is { } kept)
        {
            await allowance.SettleDocumentAsync(caseId, kept, record.Size, CancellationToken.None);
        }

        return Results.Created($"/api/cases/{Uri.EscapeDataString(caseId)}/evidence/{record.EvidenceId}", record);
    }

    private static async Task<EvidenceRecord> UploadMultipartAsync(
        HttpRequest request,
        MediaTypeHeaderValue mediaType,
        string caseId,
        string? uploadKey,
        CaseAccessDecision decision,
        long? maxBytes,
        EvidenceStore store,
        CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new DomainException(DomainErrorKind.Validation, "malformed-request", "The multipart body has no boundary.", "file");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value;
            if (string.IsNullOrEmpty(name))
            {
                name = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            }

            return await store.UploadAsync(
                new EvidenceUpload
                {
                    CaseId = caseId,
                    UploadKey = uploadKey,
                    Party = decision.Party,
                    FileName = name ?? string.Empty,
                    Content = section.Body,
                    Late = decision.Late,
                    MaxBytes = maxBytes,
                },
                cancellationToken);
        }

        throw DomainException.Validation([new FieldError("file", "file-required", "The multipart body has no file part.")]);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context, string caseId, ICaseAccess access, EvidenceStore store, ProviderFiles providerFiles, CancellationToken cancellationToken)
    {
        var decision = await access.CheckAsync(context, caseId, EvidenceAction.Read, cancellationToken);
        if (!decision.Allowed)
        {
            return CaseNotFound(caseId);
        }

        var records = await store.ListAsync(caseId, cancellationToken);
        return Results.Ok(decision.Party == EvidenceParty.Provider ? await providerFiles.VisibleAsync(caseId, records, cancellationToken) : records);
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext context, string caseId, string evidenceId, ICaseAccess access, EvidenceStore store, ProviderFiles providerFiles, CancellationToken cancellationToken)
    {
        var decision = await access.CheckAsync(context, caseId, EvidenceAction.Read, cancellationToken);
        if (!decision.Allowed)
        {
            return CaseNotFound(caseId);
        }

        var file = await ReadableAsync(decision, caseId, evidenceId, providerFiles, cancellationToken);
        var download = file is null ? null : await store.OpenReadAsync(caseId, file.EvidenceId, cancellationToken);
        if (download is null)
        {
            return EvidenceNotFound(evidenceId);
        }

        return download.Send(context, file!.NeutralName);
    }

    private static async Task<IResult> LinkAsync(
        HttpContext context, string caseId, string evidenceId, ICaseAccess access, EvidenceStore store, ProviderFiles providerFiles, CancellationToken cancellationToken)
    {
        var decision = await access.CheckAsync(context, caseId, EvidenceAction.Read, cancellationToken);
        if (!decision.Allowed)
        {
            return CaseNotFound(caseId);
        }

        // A shared file's blob carries the uploader's name in its stored Content-Disposition: the provider's link overrides it.
        var file = await ReadableAsync(decision, caseId, evidenceId, providerFiles, cancellationToken);
        var link = file is null ? null : await store.CreateLinkAsync(caseId, file.EvidenceId, cancellationToken, file.NeutralName);
        return link is not null ? Results.Ok(link) : EvidenceNotFound(evidenceId);
    }

    /// <summary>The stored file a request may read: for a provider only its own or a shared one; for anyone else the id as given.</summary>
    private static async Task<ReadableFile?> ReadableAsync(
        CaseAccessDecision decision, string caseId, string evidenceId, ProviderFiles providerFiles, CancellationToken cancellationToken) =>
        decision.Party == EvidenceParty.Provider
            ? await providerFiles.ResolveAsync(caseId, evidenceId, cancellationToken)
            : new ReadableFile(evidenceId, null, null);

    private static IResult CaseNotFound(string caseId) => Problems.NotFound("case-not-found", $"No case '{caseId}' that you may see.");

    private static IResult EvidenceNotFound(string evidenceId) => Problems.NotFound("evidence-not-found", $"The case has no file '{evidenceId}'.");
}

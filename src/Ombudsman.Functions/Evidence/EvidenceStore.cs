using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Evidence;

/// <summary>
/// Evidence and provider documents in Blob Storage. An upload is streamed in staged blocks while its SHA-256 and size are
/// computed, its type is recognised from its first bytes, and it becomes visible only when the block list is committed
/// with If-None-Match: * (write once). A refused upload commits nothing, so no partial file is ever visible.
/// </summary>
internal sealed partial class EvidenceStore
{
    private const string CaseIdKey = "caseid";
    private const string EvidenceIdKey = "evidenceid";
    private const string PartyKey = "party";
    private const string OriginalNameKey = "originalname";
    private const string FileNameKey = "filename";
    private const string Sha256Key = "sha256";
    private const string SizeKey = "size";
    private const string UploadedAtKey = "uploadedat";
    private const string LateKey = "late";
    private const string ContentTypeKey = "contenttype";

    private readonly BlobServiceClient _blobs;
    private readonly EvidenceStorageNames _names;
    private readonly EvidenceOptions _options;
    private readonly TimeProvider _clock;

    internal EvidenceStore(BlobServiceClient blobs, EvidenceStorageNames names, IOptions<EvidenceOptions> options, TimeProvider clock)
    {
        _blobs = blobs;
        _names = names;
        _options = options.Value;
        _clock = clock;
    }

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxBytes => _options.MaxBytes;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex CaseIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{7,63}$")]
    private static partial Regex UploadKeyPattern();

    /// <summary>Stores a file; throws <see cref="DomainException"/> with a stable code when it is refused.</summary>
    public async Task<EvidenceRecord> UploadAsync(EvidenceUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var errors = new List<FieldError>();
        CheckCaseId(upload.CaseId, errors);
        if (upload.UploadKey is not null && !UploadKeyPattern().IsMatch(upload.UploadKey))
        {
            errors.Add(new FieldError("uploadKey", "invalid-upload-key", "An upload key is 8-64 lower-case letters, digits and hyphens."));
        }

        var fileName = SanitizeFileName(upload.FileName);
        if (string.IsNullOrWhiteSpace(upload.FileName))
        {
            errors.Add(new FieldError("file", "file-name-required", "The file needs a name."));
        }

        if (errors.Count > 0)
        {
            throw DomainException.Validation(errors);
        }

        var evidenceId = upload.UploadKey is { } key ? EvidenceIds.ForUploadKey(upload.CaseId, upload.Party, key) : EvidenceIds.New(upload.Party);
        var maxBytes = Math.Min(_options.MaxBytes, upload.MaxBytes ?? long.MaxValue);
        if (upload.DeclaredLength > maxBytes)
        {
            throw TooLarge();
        }

        var blob = Container(upload.Party).GetBlockBlobClient(BlobName(upload.CaseId, evidenceId));
        var blockSize = Math.Max(_options.BlockBytes, ContentSniffer.HeadLength);
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            var filled = await FillAsync(upload.Content, buffer.AsMemory(0, ContentSniffer.HeadLength), cancellationToken);
            if (filled == 0)
            {
                throw new DomainException(DomainErrorKind.Validation, "evidence-empty", "The file is empty.", "file");
            }

            var contentType = ContentSniffer.Detect(buffer.AsSpan(0, filled), fileName);
            if (contentType is null || !_options.EffectiveAllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainException(
                    DomainErrorKind.UnsupportedType,
                    "evidence-type-not-allowed",
                    $"The content of '{fileName}' is not an allowed type ({string.Join(", ", _options.EffectiveAllowedTypes)}).",
                    "file");
            }

            if (!ContentSniffer.NameAgrees(fileName, contentType))
            {
                throw new DomainException(
                    DomainErrorKind.UnsupportedType,
                    "evidence-type-not-allowed",
                    $"'{fileName}' is named as another type than its content ({contentType}).",
                    "file");
            }

            // Fail fast on a taken id before streaming megabytes; the conditional commit below is the real guard.
            if (await blob.ExistsAsync(cancellationToken))
            {
                throw AlreadyExists(evidenceId);
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var blockIds = new List<string>();
            var nonce = Guid.NewGuid().ToString("N");
            long size = 0;
            while (filled > 0)
            {
                // Never read more than one byte past the limit: that byte is enough to know the file is too large.
                var want = (int)Math.Min(blockSize, maxBytes + 1 - size);
                if (filled < want)
                {
                    filled += await FillAsync(upload.Content, buffer.AsMemory(filled, want - filled), cancellationToken);
                }

                if (size + filled > maxBytes)
                {
                    throw TooLarge();
                }

                hash.AppendData(buffer, 0, filled);

                // Block ids carry a per-upload nonce, so two uploads racing for one name never mix each other's blocks.
                var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{nonce}-{blockIds.Count:D6}"));
                using (var block = new MemoryStream(buffer, 0, filled, writable: false))
                {
                    await blob.StageBlockAsync(blockId, block, cancellationToken: cancellationToken);
                }

                blockIds.Add(blockId);
                size += filled;
                filled = await FillAsync(upload.Content, buffer.AsMemory(0, (int)Math.Min(blockSize, maxBytes + 1 - size)), cancellationToken);
            }

            var record = new EvidenceRecord
            {
                CaseId = upload.CaseId,
                EvidenceId = evidenceId,
                Party = upload.Party,
                OriginalName = upload.FileName,
                FileName = fileName,
                ContentType = contentType,
                Size = size,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()),
                UploadedAt = _clock.GetUtcNow(),
                Late = upload.Late,
            };
            try
            {
                await blob.CommitBlockListAsync(
                    blockIds,
                    new CommitBlockListOptions
                    {
                        HttpHeaders = new BlobHttpHeaders
                        {
                            ContentType = contentType,
                            ContentDisposition = Attachment(fileName, upload.FileName),
                        },
                        Metadata = ToMetadata(record),
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                throw AlreadyExists(evidenceId);
            }

            return record;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The record of one file, or null when the case has no such file.</summary>
    public async Task<EvidenceRecord?> GetAsync(string caseId, string evidenceId, CancellationToken cancellationToken) =>
        (await FindAsync(caseId, evidenceId, cancellationToken))?.Record;

    /// <summary>Every file of a case, oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceRecord>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        ThrowIfInvalidCaseId(caseId);
        var records = new List<EvidenceRecord>();
        foreach (var container in new[] { _names.EvidenceContainer, _names.ProviderDocumentsContainer })
        {
            var client = _blobs.GetBlobContainerClient(container);
            await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = caseId + "/" }, cancellationToken))
            {
                if (FromMetadata(item.Metadata) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return records.OrderBy(r => r.UploadedAt).ThenBy(r => r.EvidenceId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Opens a file for streaming, or null when the case has no such file.</summary>
    public async Task<EvidenceDownload?> OpenReadAsync(string caseId, string evidenceId, CancellationToken cancellationToken)
    {
        if (await FindAsync(caseId, evidenceId, cancellationToken) is not { } found)
        {
            return null;
        }

        try
        {
            var content = await found.Blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
            return new EvidenceDownload(found.Record, content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>A read-only SAS URL valid for <see cref="EvidenceOptions.LinkLifetime"/>: a service SAS signed with the account key
    /// (Azurite, connection strings), or a user-delegation SAS with the managed identity in Azure. Null when there is no such file.
    /// With <paramref name="downloadName"/> the link serves the file under that name instead of the stored Content-Disposition
    /// (which carries the uploader's original name).</summary>
    public async Task<EvidenceLink?> CreateLinkAsync(string caseId, string evidenceId, CancellationToken cancellationToken, string? downloadName = null)
    {
        if (await FindAsync(caseId, evidenceId, cancellationToken) is not { } found)
        {
            return null;
        }

        var now = _clock.GetUtcNow();
        var expires = now + _options.LinkLifetime;
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = found.Blob.BlobContainerName,
            BlobName = found.Blob.Name,
            Resource = "b",
            Protocol = found.Blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentDisposition = downloadName is null ? null : Attachment(downloadName, downloadName),
        };
        if (found.Blob.CanGenerateSasUri)
        {
            return new EvidenceLink(found.Blob.GenerateSasUri(sas), expires);
        }

        // Storage clocks drift: the key's validity starts a little in the past.
        var key = await _blobs.GetUserDelegationKeyAsync(new BlobGetUserDelegationKeyOptions(expires) { StartsOn = now.AddMinutes(-5) }, cancellationToken);
        var uri = new BlobUriBuilder(found.Blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, _blobs.AccountName) };
        return new EvidenceLink(uri.ToUri(), expires);
    }

    /// <summary>Reads the evidence container's properties: throws when Blob Storage cannot be reached (health checks).</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken) =>
        await _blobs.GetBlobContainerClient(_names.EvidenceContainer).ExistsAsync(cancellationToken);

    /// <summary>Creates the containers that do not exist yet (Azure creates them from Bicep; Azurite starts empty).</summary>
    internal async Task EnsureContainersAsync(CancellationToken cancellationToken)
    {
        await _blobs.GetBlobContainerClient(_names.EvidenceContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _blobs.GetBlobContainerClient(_names.ProviderDocumentsContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    internal BlobContainerClient Container(EvidenceParty party) =>
        _blobs.GetBlobContainerClient(party == EvidenceParty.Provider ? _names.ProviderDocumentsContainer : _names.EvidenceContainer);

    internal static string BlobName(string caseId, string evidenceId) => $"{caseId}/{evidenceId}";

    private static string Attachment(string safeName, string name) =>
        $"attachment; filename=\"{safeName}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";

    /// <summary>A name safe in headers and file systems: letters, digits, '.', '-', '_' and spaces; no path; at most 120 characters.</summary>
    internal static string SanitizeFileName(string? name)
    {
        var leaf = (name ?? string.Empty).Replace('\\', '/');
        leaf = leaf[(leaf.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(leaf.Length);
        foreach (var c in leaf.Normalize(NormalizationForm.FormKC))
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_');
        }

        var safe = builder.ToString().Trim(' ', '.');
        if (safe.Length > 120)
        {
            var extension = Path.GetExtension(safe);
            safe = extension.Length is > 0 and <= 10 ? safe[..(120 - extension.Length)] + extension : safe[..120];
        }

        return safe.Length == 0 ? "file" : safe;
    }

    /// <summary>The one blob an id names: its party (from the id) picks the container, and the stored record must agree.</summary>
    private async Task<(BlockBlobClient Blob, EvidenceRecord Record)?> FindAsync(string caseId, string evidenceId, CancellationToken cancellationToken)
    {
        ThrowIfInvalidCaseId(caseId);
        if (EvidenceIds.PartyOf(evidenceId) is not { } party)
        {
            return null;
        }

        var blob = Container(party).GetBlockBlobClient(BlobName(caseId, evidenceId));
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return FromMetadata(properties.Value.Metadata) is { } record && record.Party == party && record.EvidenceId == evidenceId ? (blob, record) : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<int> FillAsync(Stream source, Memory<byte> target, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < target.Length)
        {
            var read = await source.ReadAsync(target[total..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static Dictionary<string, string> ToMetadata(EvidenceRecord record) => new()
    {
        [CaseIdKey] = record.CaseId,
        [EvidenceIdKey] = record.EvidenceId,
        [PartyKey] = record.Party.ToString(),
        // Metadata values are ASCII: the original name is kept percent-encoded.
        [OriginalNameKey] = Uri.EscapeDataString(record.OriginalName),
        [FileNameKey] = record.FileName,
        [ContentTypeKey] = record.ContentType,
        [Sha256Key] = record.Sha256,
        [SizeKey] = record.Size.ToString(CultureInfo.InvariantCulture),
        [UploadedAtKey] = record.UploadedAt.ToString("O", CultureInfo.InvariantCulture),
        [LateKey] = record.Late ? "true" : "false",
    };

    private static EvidenceRecord? FromMetadata(IDictionary<string, string> metadata)
    {
        var m = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        if (!m.TryGetValue(CaseIdKey, out var caseId) || !m.TryGetValue(EvidenceIdKey, out var evidenceId) || !m.TryGetValue(Sha256Key, out var sha))
        {
            return null;
        }

        return new EvidenceRecord
        {
            CaseId = caseId,
            EvidenceId = evidenceId,
            Party = Enum.TryParse<EvidenceParty>(m.GetValueOrDefault(PartyKey), out var party) ? party : EvidenceParty.Complainant,
            OriginalName = Uri.UnescapeDataString(m.GetValueOrDefault(OriginalNameKey) ?? string.Empty),
            FileName = m.GetValueOrDefault(FileNameKey) ?? "file",
            ContentType = m.GetValueOrDefault(ContentTypeKey) ?? string.Empty,
            Size = long.TryParse(m.GetValueOrDefault(SizeKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 0,
            Sha256 = sha,
            UploadedAt = DateTimeOffset.TryParse(m.GetValueOrDefault(UploadedAtKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : default,
            Late = m.GetValueOrDefault(LateKey) == "true",
        };
    }

    private static void CheckCaseId(string caseId, List<FieldError> errors)
    {
        if (caseId is null || !CaseIdPattern().IsMatch(caseId))
        {
            errors.Add(new FieldError("caseId", "invalid-case-id", "A case id is 1-64 letters, digits and hyphens."));
        }
    }

    private static void ThrowIfInvalidCaseId(string caseId)
    {
        var errors = new List<FieldError>();
        CheckCaseId(caseId, errors);
        if (errors.Count > 0)
        {
            throw DomainException.Validation(errors);
        }
    }

    private DomainException TooLarge() => new(
        DomainErrorKind.TooLarge,
        "evidence-too-large",
        $"A file may have at most {_options.MaxBytes.ToString(CultureInfo.InvariantCulture)} bytes.",
        "file");

    private static DomainException AlreadyExists(string evidenceId) => new(
        DomainErrorKind.Conflict,
        "evidence-already-exists",
        $"A file is already stored under this upload key, as evidence '{evidenceId}'; stored files are never replaced.",
        "uploadKey");
}

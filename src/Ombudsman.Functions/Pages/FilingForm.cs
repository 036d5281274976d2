using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Evidence;
using Ombudsman.Web;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// A posted complaint form read into the API's <see cref="FilingRequest"/>, the values to show again, the files chosen
/// and the problems only the page can see (a choice not made, an amount not a number, a refused file).
/// </summary>
internal sealed class FilingForm
{
    /// <summary>Evidence files one form may carry.</summary>
    public const int MaxEvidenceFiles = 10;

    /// <summary>The fields whose typed values the form shows again after a refusal.</summary>
    private static readonly string[] KeptFields =
    [
        "office", "complainant.name", "complainant.address", "complainant.email", "complainant.phone", "complainant.confidential",
        "representative", "representative.name", "representative.email", "provider.name", "provider.kind", "provider.email",
        "serviceReceivedOn", "eventOn", "priorComplaint.filedOn", "priorComplaint.outcome", "description", "remedyAsked",
        "compensationClaim", "filedAtPlace", "signature",
    ];

    private FilingForm(string path, Dictionary<string, string> values, FilingRequest request, IReadOnlyList<IFormFile> evidence, IFormFile? powerOfAttorney, List<FieldError> errors)
    {
        Path = path;
        Values = values;
        Request = request;
        Evidence = evidence;
        PowerOfAttorney = powerOfAttorney;
        Errors = errors;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    public FilingRequest Request { get; }

    /// <summary>The evidence files (with a power of attorney sent without a representative: it is kept as evidence, not dropped).</summary>
    public IReadOnlyList<IFormFile> Evidence { get; }

    /// <summary>The representative's power of attorney, when a representative files.</summary>
    public IFormFile? PowerOfAttorney { get; }

    /// <summary>Problems found by the page itself, each with its localized message.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The names of every file chosen: a browser does not keep them when the form comes back.</summary>
    public IReadOnlyList<string> FileNames => [.. Evidence.Concat(PowerOfAttorney is null ? [] : [PowerOfAttorney]).Select(f => f.FileName)];

    public static async Task<FilingForm> ReadAsync(
        IFormCollection form, string path, string language, EvidenceOptions evidenceOptions, IStringLocalizer<FilingText> f, CancellationToken cancellationToken)
    {
        var values = KeptFields.ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal);
        string? V(string name) => values[name] is { Length: > 0 } value ? value : null;
        var errors = new List<FieldError>();

        var confidential = V("complainant.confidential");
        if (confidential is not ("yes" or "no"))
        {
            errors.Add(new("complainant.confidential", "field-required", FilingMessages.Of(f, "complainant.confidential", "field-required")));
        }

        var represented = V("representative") == "yes";
        var chosen = form.Files.Where(file => file.FileName.Length > 0).ToList();
        var evidence = chosen.Where(file => file.Name == "evidence").ToList();
        var powerOfAttorney = chosen.FirstOrDefault(file => file.Name == "powerOfAttorney");
        if (powerOfAttorney is not null && !represented)
        {
            evidence.Add(powerOfAttorney);
            powerOfAttorney = null;
        }

        decimal? compensation = null;
        if (V("compensationClaim") is { } amount)
        {
            // People write rupiah with thousands separators ("1.500.000") and sometimes the currency.
            var digits = amount.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(".", "", StringComparison.Ordinal)
                .Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (decimal.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                compensation = parsed;
            }
            else
            {
                errors.Add(new("compensationClaim", "invalid-amount", FilingMessages.Of(f, "compensationClaim", "invalid-amount")));
            }
        }

        if (evidence.Count > MaxEvidenceFiles)
        {
            errors.Add(new("evidence", "too-many-files", FilingMessages.Format(f["Error.TooManyFiles"], MaxEvidenceFiles)));
        }

        var allowed = string.Join(", ", EvidenceRules.AllowedExtensions(evidenceOptions).Select(e => e.TrimStart('.').ToUpperInvariant()));
        foreach (var (file, field) in evidence.Select(e => (e, "evidence")).Concat(powerOfAttorney is null ? [] : [(powerOfAttorney, "powerOfAttorney")]))
        {
            if (await RefusalOfAsync(file, evidenceOptions, cancellationToken) is { } code)
            {
                errors.Add(new(field, code, FilingMessages.FileRefusal(f, code, file.FileName, allowed, evidenceOptions.MaxBytes)));
            }
        }

        var report = path == "ombudsman";
        var request = new FilingRequest
        {
            Path = path,
            Office = V("office"),
            Complainant = new ComplainantForm
            {
                Name = V("complainant.name"),
                Address = V("complainant.address"),
                Email = V("complainant.email"),
                Phone = V("complainant.phone"),
                Confidential = confidential == "yes",
                Language = language,
            },
            Representative = represented
                ? new RepresentativeForm { Name = V("representative.name"), Email = V("representative.email"), PowerOfAttorney = powerOfAttorney?.FileName }
                : null,
            Provider = new ProviderForm { Name = V("provider.name"), Kind = V("provider.kind"), Email = V("provider.email") },
            Description = V("description"),
            RemedyAsked = V("remedyAsked"),
            ServiceReceivedOn = report ? null : V("serviceReceivedOn"),
            EventOn = report ? V("eventOn") : null,
            CompensationClaim = compensation,
            PriorComplaint = report ? new PriorComplaintForm { FiledOn = V("priorComplaint.filedOn"), Outcome = V("priorComplaint.outcome") } : null,
            FiledAtPlace = V("filedAtPlace"),
            Signature = V("signature"),
        };
        return new FilingForm(path, values, request, evidence, powerOfAttorney, errors);
    }

    private static async Task<string?> RefusalOfAsync(IFormFile file, EvidenceOptions options, CancellationToken cancellationToken)
    {
        var head = new byte[(int)Math.Min(ContentSniffer.HeadLength, file.Length)];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(head, cancellationToken);
        }

        return EvidenceRules.RefusalOf(options, file.FileName, file.Length, head);
    }
}

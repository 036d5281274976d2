using System.Globalization;
using System.Net.Mail;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Checks a filing against the contents the rule set asks of a complaint (P1, P2; O2 for a report) and reports every field
/// at fault at once; a valid filing becomes the <see cref="Complaint"/> the case workflow starts with.
/// </summary>
internal static class FilingValidator
{
    /// <summary>What a complaint must contain (identity, shortfall and loss, remedy, place, signature).</summary>
    private const string ContentsRule = "P2";

    /// <summary>Who may file: the injured person or an authorised representative.</summary>
    private const string RepresentationRule = "P1";

    /// <summary>A report's precondition: a prior complaint to the provider or its superior.</summary>
    private const string PriorComplaintRule = "O2";

    private const int ShortText = 200;
    private const int LongText = 20_000;

    /// <summary>
    /// The complaint, or every problem at once. <paramref name="complainantEmailRequired"/> is false only when staff record
    /// a complaint for someone without email (assisted intake); an address that is given must still be one.
    /// </summary>
    public static Complaint ToComplaint(FilingRequest? request, OfficeDirectory offices, RuleSetCatalog ruleSets, DateTimeOffset filedAt, bool complainantEmailRequired = true)
    {
        if (request is null)
        {
            throw DomainException.Validation([new("body", "body-required", "The complaint must be sent as a JSON object.")]);
        }

        var errors = new List<FieldError>();
        var path = request.Path?.Trim().ToLowerInvariant() switch
        {
            "provider" => ComplaintPath.Provider,
            "ombudsman" => ComplaintPath.Ombudsman,
            null or "" => Missing<ComplaintPath?>(errors, "path", "Choose 'provider' (complaint to the provider) or 'ombudsman' (report to the Ombudsman)."),
            _ => Invalid<ComplaintPath?>(errors, "path", "invalid-path", "'path' is 'provider' or 'ombudsman'."),
        };
        var office = offices.Find(request.Office)?.ForCase();
        if (office is null)
        {
            Add(errors, "office", string.IsNullOrWhiteSpace(request.Office) ? "field-required" : "unknown-office", $"Name an office: {string.Join(", ", offices.Codes)}.");
        }

        var today = (office?.TimeZone ?? OfficeTimeZone.Wib).DateOf(filedAt);
        // Each problem cites the rule it breaks, as the rule set in force on the filing day cites it.
        var rules = ruleSets.InForceOn(today);
        var contents = rules[ContentsRule].Citation;
        var representation = rules[RepresentationRule].Citation;
        var c = request.Complainant;
        if (c is null)
        {
            Add(errors, "complainant", "field-required", $"The complainant's identity is required ({contents}).");
        }
        else
        {
            Text(errors, "complainant.name", c.Name, ShortText, $"The complainant's name is required ({contents}).");
            Text(errors, "complainant.address", c.Address, ShortText * 2, $"The complainant's full address is required ({contents}).");
            Email(errors, "complainant.email", c.Email, required: complainantEmailRequired);
            if (c.Language is not (null or "id" or "en"))
            {
                Add(errors, "complainant.language", "invalid-language", "'language' is 'id' or 'en'.");
            }
        }

        if (request.Representative is { } r)
        {
            Text(errors, "representative.name", r.Name, ShortText, "A representative's name is required.");
            Email(errors, "representative.email", r.Email, required: true);
            Text(errors, "representative.powerOfAttorney", r.PowerOfAttorney, ShortText * 2, $"A representative needs a power of attorney ({representation}).");
        }

        var kind = ProviderKind.GovernmentUnit;
        if (request.Provider is not { } p)
        {
            Add(errors, "provider", "field-required", "Name the provider complained of.");
        }
        else
        {
            Text(errors, "provider.name", p.Name, ShortText, "Name the provider complained of.");
            if (string.IsNullOrWhiteSpace(p.Kind))
            {
                Add(errors, "provider.kind", "field-required", "'kind' is implementingOfficer, governmentUnit or corporation.");
            }
            else if (!Enum.TryParse(p.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
            {
                Add(errors, "provider.kind", "invalid-provider-kind", "'kind' is implementingOfficer, governmentUnit or corporation.");
            }

            Email(errors, "provider.email", p.Email, required: false);
        }

        Text(errors, "description", request.Description, LongText, $"Describe how the service fell short of the standard and the loss suffered ({contents}).");
        Text(errors, "remedyAsked", request.RemedyAsked, LongText, $"Say what remedy is asked ({contents}).");
        Text(errors, "filedAtPlace", request.FiledAtPlace, ShortText, $"Say where the complaint is made ({contents}).");
        Text(errors, "signature", request.Signature, ShortText, $"Sign with your full name ({contents}).");
        if (request.CompensationClaim is <= 0)
        {
            Add(errors, "compensationClaim", "invalid-amount", $"A compensation claim is a positive amount in rupiah ({contents}).");
        }

        var serviceOn = Date(errors, "serviceReceivedOn", request.ServiceReceivedOn, today, required: path == ComplaintPath.Provider);
        var eventOn = Date(errors, "eventOn", request.EventOn, today, required: path == ComplaintPath.Ombudsman);
        PriorComplaint? prior = null;
        if (path == ComplaintPath.Ombudsman)
        {
            if (request.PriorComplaint is not { } pc)
            {
                Add(errors, "priorComplaint", "prior-complaint-required", $"A report needs the prior complaint to the provider or its superior ({rules[PriorComplaintRule].Citation}).");
            }
            else
            {
                var filedOn = Date(errors, "priorComplaint.filedOn", pc.FiledOn, today, required: true);
                Text(errors, "priorComplaint.outcome", pc.Outcome, LongText, "Say what came of the prior complaint.");
                if (filedOn is { } on && !string.IsNullOrWhiteSpace(pc.Outcome))
                {
                    prior = new PriorComplaint { FiledOn = on, Outcome = pc.Outcome.Trim() };
                }
            }
        }

        if (errors.Count > 0)
        {
            throw DomainException.Validation(errors, $"The complaint has {errors.Count} problem(s); every one is listed in 'errors'.");
        }

        return new Complaint
        {
            Path = path!.Value,
            Office = office!,
            Complainant = new Complainant
            {
                Name = c!.Name!.Trim(),
                Email = string.IsNullOrWhiteSpace(c.Email) ? null : c.Email.Trim(),
                Address = c.Address!.Trim(),
                Phone = string.IsNullOrWhiteSpace(c.Phone) ? null : c.Phone.Trim(),
                Confidential = c.Confidential,
                Language = c.Language ?? "id",
            },
            Representative = request.Representative is { } rep
                ? new Representative { Name = rep.Name!.Trim(), Email = rep.Email!.Trim(), PowerOfAttorney = rep.PowerOfAttorney!.Trim() }
                : null,
            Provider = new Provider { Name = request.Provider!.Name!.Trim(), Kind = kind, Email = string.IsNullOrWhiteSpace(request.Provider.Email) ? null : request.Provider.Email.Trim() },
            Description = request.Description!.Trim(),
            RemedyAsked = request.RemedyAsked!.Trim(),
            ServiceReceivedOn = path == ComplaintPath.Provider ? serviceOn : null,
            EventOn = path == ComplaintPath.Ombudsman ? eventOn : null,
            CompensationClaim = request.CompensationClaim,
            PriorComplaint = prior,
            FiledAtPlace = request.FiledAtPlace!.Trim(),
            Signature = request.Signature!.Trim(),
        };
    }

    private static void Add(List<FieldError> errors, string field, string code, string message) => errors.Add(new(field, code, message));

    private static T? Missing<T>(List<FieldError> errors, string field, string message)
    {
        Add(errors, field, "field-required", message);
        return default;
    }

    private static T? Invalid<T>(List<FieldError> errors, string field, string code, string message)
    {
        Add(errors, field, code, message);
        return default;
    }

    private static void Text(List<FieldError> errors, string field, string? value, int max, string requiredMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(errors, field, "field-required", requiredMessage);
        }
        else if (value.Length > max)
        {
            Add(errors, field, "too-long", $"At most {max} characters.");
        }
    }

    private static void Email(List<FieldError> errors, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(errors, field, "field-required", "An email address is required (receipt and notices go there).");
            }
        }
        else if (value.Length > ShortText || !MailAddress.TryCreate(value.Trim(), out var parsed) || parsed.Address != value.Trim())
        {
            Add(errors, field, "invalid-email", $"'{value}' is not an email address.");
        }
    }

    private static DateOnly? Date(List<FieldError> errors, string field, string? value, DateOnly today, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(errors, field, "field-required", "A date as yyyy-MM-dd is required.");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(errors, field, "invalid-date", $"'{value}' is not a date as yyyy-MM-dd.");
            return null;
        }

        if (date > today)
        {
            Add(errors, field, "date-in-future", $"{value} is after today ({today:yyyy-MM-dd}).");
            return null;
        }

        return date;
    }
}

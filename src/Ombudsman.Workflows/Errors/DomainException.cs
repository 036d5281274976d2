namespace Ombudsman.Workflows.Errors;

/// <summary>
/// A refusal the caller can act on, with a stable <see cref="Code"/> (e.g. <c>evidence-too-large</c>) and the field(s)
/// at fault. Features throw it (or a subclass); the HTTP edge turns it into RFC 9457 problem+json.
/// </summary>
public class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string code, string message, string? field = null)
        : this(kind, code, message, field is null ? [] : [new FieldError(field, code, message)])
    {
    }

    public DomainException(DomainErrorKind kind, string code, string message, IReadOnlyList<FieldError> errors)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Kind = kind;
        Code = code;
        Errors = errors;
    }

    public DomainErrorKind Kind { get; }

    /// <summary>Stable, kebab-case; documented in docs/API.md. Clients switch on it, never on the message.</summary>
    public string Code { get; }

    /// <summary>The first field at fault, if any.</summary>
    public string? Field => Errors.Count > 0 ? Errors[0].Field : null;

    /// <summary>Every field at fault (validation reports all problems at once).</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>A 400 <c>validation-failed</c> listing every field at fault.</summary>
    public static DomainException Validation(IReadOnlyList<FieldError> errors, string message = "The request has invalid or missing fields.") =>
        new(DomainErrorKind.Validation, "validation-failed", message, errors);
}

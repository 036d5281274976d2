namespace Ombudsman.Workflows.Errors;

/// <summary>What kind of refusal a <see cref="DomainException"/> is; the HTTP edge maps each kind to one status code.</summary>
public enum DomainErrorKind
{
    /// <summary>The request is malformed or misses required fields (400).</summary>
    Validation,

    /// <summary>The thing does not exist, or the caller may not know it exists (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state: wrong stage, already exists (409).</summary>
    Conflict,

    /// <summary>The content is larger than allowed (413).</summary>
    TooLarge,

    /// <summary>The content type is not on the allow-list (415).</summary>
    UnsupportedType,

    /// <summary>Well-formed, but a rule of the statute or of the office refuses it, e.g. late filing (422).</summary>
    RuleViolated,

    /// <summary>The service could not do it just now and kept nothing; the same request may be sent again (503).</summary>
    Unavailable,
}

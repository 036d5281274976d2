using Microsoft.AspNetCore.Mvc;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Api;

/// <summary>
/// The one place RFC 9457 problem+json bodies are made: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>, a stable
/// <c>code</c>, and for validation <c>errors</c> [{field, code, message}]. Codes are listed in docs/API.md.
/// </summary>
internal static class Problems
{
    /// <summary>The <c>type</c> URI of a problem code; stable, so clients may switch on it as on <c>code</c>.</summary>
    public static string TypeOf(string code) => "urn:ombudsman:problem:" + code;

    /// <summary>The HTTP status each kind of domain refusal maps to.</summary>
    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Validation => StatusCodes.Status400BadRequest,
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
        DomainErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        DomainErrorKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        DomainErrorKind.RuleViolated => StatusCodes.Status422UnprocessableEntity,
        DomainErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
    };

    /// <summary>A problem result with a stable code and, optionally, the fields at fault.</summary>
    public static IResult Result(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null) =>
        Results.Problem(Details(status, code, title, detail, errors));

    /// <summary>400 <c>validation-failed</c> with every field at fault.</summary>
    public static IResult Validation(IReadOnlyList<FieldError> errors, string detail = "The request has invalid or missing fields.") =>
        Result(StatusCodes.Status400BadRequest, "validation-failed", "Validation failed", detail, errors);

    /// <summary>404 with a code; also what a caller gets for a case it may not see.</summary>
    public static IResult NotFound(string code, string detail) =>
        Result(StatusCodes.Status404NotFound, code, "Not found", detail);

    /// <summary>The problem a domain exception stands for.</summary>
    public static ProblemDetails From(DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = StatusOf(exception.Kind);
        return Details(status, exception.Code, TitleOf(status), exception.Message, exception.Errors);
    }

    /// <summary>
    /// The problem a refused case action stands for, with the refusal's code and the field at fault: an unknown case
    /// or action 404, an actor not allowed 403, missing details 400, an action the stage or a closed case does not
    /// take or the case as it stands does not take (yet) 409 (field "stage"), a deadline that is not running, already suspended or not suspended 409 (field "ruleId"), anything else (e.g. the wrong path) 422 (docs/API.md).
    /// </summary>
    public static ProblemDetails From(CaseActionRefusedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (status, field) = exception.Code switch
        {
            CaseActionRefusal.CaseNotFound => (StatusCodes.Status404NotFound, "caseId"),
            CaseActionRefusal.UnknownAction => (StatusCodes.Status404NotFound, "action"),
            CaseActionRefusal.ActorNotAllowed => (StatusCodes.Status403Forbidden, "actor"),
            CaseActionRefusal.DetailsMissing => (StatusCodes.Status400BadRequest, "action"),
            CaseActionRefusal.NotValidInStage or CaseActionRefusal.CaseNotOpen or CaseActionRefusal.NotValidNow => (StatusCodes.Status409Conflict, "stage"),
            CaseActionRefusal.DeadlineNotRunning or CaseActionRefusal.DeadlineAlreadySuspended or CaseActionRefusal.DeadlineNotSuspended =>
                (StatusCodes.Status409Conflict, "ruleId"),
            _ => (StatusCodes.Status422UnprocessableEntity, "action"),
        };
        var title = status == StatusCodes.Status403Forbidden ? "Forbidden" : TitleOf(status);
        return Details(status, exception.Code, title, exception.Reason, [new FieldError(field, exception.Code, exception.Reason)]);
    }

    public static ProblemDetails Details(int status, string code, string title, string? detail = null, IReadOnlyList<FieldError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeOf(code),
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToArray();
        }

        return problem;
    }

    /// <summary>A short title per status, for problems raised from exceptions.</summary>
    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Content too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status422UnprocessableEntity => "Refused by rule",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        _ => "Error",
    };

    /// <summary>The code a bare status gets when nothing more specific was said (e.g. an unknown route).</summary>
    public static string DefaultCodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad-request",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "request-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "rate-limited",
        >= 500 => "internal-error",
        _ => "error",
    };
}

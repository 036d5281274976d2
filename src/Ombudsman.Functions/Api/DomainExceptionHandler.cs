using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Ombudsman.Functions.Pages;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Turns exceptions that reach the edge into problem+json: a <see cref="DomainException"/> into its status and code,
/// a refused case action into its status and code, a malformed request (bad JSON, body too large for Kestrel) into 400/413; anything else stays a logged 500.
/// </summary>
internal sealed partial class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ProblemOf(exception);
        if (problem is null || Visitor.IsPagePath(httpContext.Request.Path))
        {
            // A page's fault gets its page from PageErrors, after this one logs it.
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            return false;
        }

        if (exception is DomainException { Kind: DomainErrorKind.Validation or DomainErrorKind.RuleViolated } d)
        {
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, d.Code);
        }
        else if (exception is CaseActionRefusedException r)
        {
            LogRefused(logger, httpContext.Request.Method, httpContext.Request.Path, r.Code);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem an exception stands for, or null for one that is a server error (500).</summary>
    public static ProblemDetails? ProblemOf(Exception exception) => exception switch
    {
        DomainException domain => Problems.From(domain),
        CaseActionRefusedException refused => Problems.From(refused),
        BadHttpRequestException bad => Problems.Details(
            bad.StatusCode,
            bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request-too-large" : "malformed-request",
            Problems.TitleOf(bad.StatusCode),
            bad.Message),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception error, string method, string path);
}

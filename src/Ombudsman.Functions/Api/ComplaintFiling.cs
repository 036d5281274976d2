using Ombudsman.Functions.Access;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Errors;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Files a validated complaint (UU 25/2009 art. 42): the report limit (O1) refuses before anything is stored, the filing
/// window (P1) only flags; then a fresh case id, the complainant's tracking token and the case start, all or nothing.
/// The API's POST /api/complaints and the public filing page both file through here.
/// </summary>
internal sealed class ComplaintFiling(
    ReportLimit reportLimit, FilingWindow filingWindow, AccessTokenStore tokens, CaseIdSource ids, CaseCommands cases, ILogger<ComplaintFiling> logger)
{
    /// <summary>Fresh ids drawn before a filing gives up on finding a free one (each is 50 random bits: one draw is enough in practice).</summary>
    private const int MaxIdAttempts = 3;

    /// <summary>The O1 check of a report to the Ombudsman, or null for a complaint to the provider (or without an event date).</summary>
    public TimeLimitCheck? ReportLimitCheck(Complaint complaint, DateTimeOffset now) =>
        complaint is { Path: ComplaintPath.Ombudsman, EventOn: { } eventOn } ? reportLimit.Check(eventOn, now, complaint.Office.TimeZone) : null;

    /// <summary>The P1 check of a complaint to the provider, or null for a report to the Ombudsman.</summary>
    public TimeLimitCheck? FilingWindowCheck(Complaint complaint, DateTimeOffset now) =>
        complaint is { Path: ComplaintPath.Provider, ServiceReceivedOn: { } serviceOn } ? filingWindow.Check(serviceOn, now, complaint.Office.TimeZone) : null;

    /// <summary>Files the complaint received at <paramref name="now"/>; the token in the answer is the only time it exists in clear.</summary>
    public async Task<FilingResult> FileAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (ReportLimitCheck(complaint, now) is { IsLate: true } check)
        {
            // O1 would close the case as rejected at intake; saying so now, before anything is stored, is clearer.
            throw new DomainException(
                DomainErrorKind.RuleViolated, "report-limit-exceeded", $"A report is made within {check.Deadline.Duration} of the act complained of ({check.Citation}): {check.Explanation}.", "eventOn");
        }

        // P1: accepted but flagged (the workflow records it for staff); the complainant is told at once.
        var filedLate = FilingWindowCheck(complaint, now)?.IsLate ?? false;
        for (var attempt = 1; ; attempt++)
        {
            var caseId = ids.Next(complaint.Office, now);
            var grant = new AccessGrant { CaseId = caseId, Party = AccessParty.Complainant, IssuedAt = now };
            var token = await tokens.IssueAsync(grant, cancellationToken);
            try
            {
                // All or nothing: when this throws, no case runs under the id (CaseCommands undid what it started).
                await cases.FileAsync(caseId, complaint, cancellationToken);
            }
            catch (CaseIdTakenException) when (attempt < MaxIdAttempts)
            {
                // A generated id that is another case's: never share it, draw again.
                await tokens.DeleteAsync(token, grant, CancellationToken.None);
                IdTaken(logger, caseId, attempt, null);
                continue;
            }
            catch (Exception)
            {
                // Only this filing's token: under a taken id, the other case's tokens must stay.
                await tokens.DeleteAsync(token, grant, CancellationToken.None);
                throw;
            }

            Filed(logger, caseId, complaint.Office.Code, complaint.Path, null);
            return new FilingResult(caseId, CaseIds.ReceiptNumberOf(caseId), token, now, filedLate, CaseLinks.For(caseId));
        }
    }

    private static readonly Action<ILogger, string, int, Exception?> IdTaken =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(5002, "CaseIdTaken"), "Generated case id {CaseId} is already a case's (attempt {Attempt}); drawing another");

    // No complainant identity in logs (it may be confidential).
    private static readonly Action<ILogger, string, string, ComplaintPath, Exception?> Filed =
        LoggerMessage.Define<string, string, ComplaintPath>(LogLevel.Information, new EventId(5001, "ComplaintFiled"), "Complaint filed as case {CaseId} at {Office} ({Path} path)");
}

namespace Ombudsman.Web;

/// <summary>
/// The staff console's addresses (the function app's route table maps the same paths). Everything under
/// <see cref="Root"/> is for signed-in staff of an office; a visitor who is not signed in is sent to sign in.
/// </summary>
public static class ConsoleRoutes
{
    public const string Root = "/staff";

    /// <summary>My office today: what is overdue, due soon, waiting for my role, new, and mail that did not arrive.</summary>
    public const string Today = Root;

    public const string SignIn = Root + "/sign-in";

    public const string SignOut = Root + "/sign-out";

    /// <summary>The office's cases, filtered, sorted and paged by query parameters.</summary>
    public const string Cases = Root + "/cases";

    /// <summary>The same list as CSV, under the same query parameters.</summary>
    public const string CasesCsv = Root + "/cases.csv";

    /// <summary>Recording a report received in person, by WhatsApp, phone, letter or at an outreach event.</summary>
    public const string Intake = Root + "/intake";

    public const string Statistics = Root + "/statistics";

    /// <summary>One table of the statistics as CSV: <c>?table=...&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>.</summary>
    public const string StatisticsCsv = Root + "/statistics.csv";

    /// <summary>The statistics of the period [<paramref name="from"/>, <paramref name="to"/>] (dates as yyyy-MM-dd).</summary>
    public static string StatisticsFor(string from, string to) =>
        Statistics + "?from=" + Uri.EscapeDataString(from) + "&to=" + Uri.EscapeDataString(to);

    /// <summary>One statistics table of the period as CSV.</summary>
    public static string StatisticsCsvFor(string table, string from, string to) =>
        StatisticsCsv + "?table=" + Uri.EscapeDataString(table) + "&from=" + Uri.EscapeDataString(from) + "&to=" + Uri.EscapeDataString(to);

    /// <summary>Notifications not delivered, or of uncertain delivery.</summary>
    public const string Mail = Root + "/mail";

    /// <summary>Where the form that sends an undelivered notification again posts.</summary>
    public const string MailResend = Mail + "/resend";

    /// <summary>Where the form that records a notification as delivered by other means (letter, phone, in person) posts.</summary>
    public const string MailDeliveredOtherwise = Mail + "/delivered-otherwise";

    /// <summary>Where a head of office lands after handing <paramref name="caseId"/> to <paramref name="office"/>.</summary>
    public static string CaseTransferred(string caseId, string office) =>
        Cases + "/" + Uri.EscapeDataString(caseId) + "/transferred?to=" + Uri.EscapeDataString(office);

    /// <summary>Sign in, then come back to <paramref name="returnUrl"/> (a console address).</summary>
    public static string SignInThenReturnTo(string returnUrl) => SignIn + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>The receipt of a complaint just recorded at intake, to print for the complainant.</summary>
    public static string IntakeReceipt(string caseId) => Intake + "/" + Uri.EscapeDataString(caseId) + "/receipt";

    /// <summary>One case of the office, as staff see it.</summary>
    public static string Case(string caseId) => Cases + "/" + Uri.EscapeDataString(caseId);

    /// <summary>Where a case action's form posts.</summary>
    public static string CaseAction(string caseId, string action) => Case(caseId) + "/actions/" + Uri.EscapeDataString(action);

    /// <summary>Where the form issuing the provider's link of a case posts (an earlier link stops working).</summary>
    public static string CaseProviderLink(string caseId) => Case(caseId) + "/provider-link";

    /// <summary>Where the form revoking the provider's link of a case posts.</summary>
    public static string CaseProviderLinkRevoke(string caseId) => CaseProviderLink(caseId) + "/revoke";

    /// <summary>Where the form assigning a case to an officer (or taking or handing it back) posts.</summary>
    public static string CaseAssignment(string caseId) => Case(caseId) + "/assignment";

    /// <summary>A file of a case, for staff.</summary>
    public static string CaseFile(string caseId, string evidenceId) => Case(caseId) + "/files/" + Uri.EscapeDataString(evidenceId);

    /// <summary>Whether <paramref name="url"/> is a console address this app may send a signed-in member back to.</summary>
    public static bool IsConsoleAddress(string? url) =>
        url is { Length: > 0 } &&
        (url == Root || url.StartsWith(Root + "/", StringComparison.Ordinal) || url.StartsWith(Root + "?", StringComparison.Ordinal)) &&
        !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
}

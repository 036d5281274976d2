namespace Ombudsman.Web.Pages.Staff;

/// <summary>An office on the development sign-in page and the sample members one may sign in as.</summary>
public sealed record SignInOffice(string Office, IReadOnlyList<SignInMember> Members);

/// <summary>A sample staff member: the id the form sends, and "name, role" as the list shows it.</summary>
public sealed record SignInMember(string Id, string Label);

namespace Ombudsman.Web.Pages.Provider;

/// <summary>The response deadline: its last day stated inclusively, its citation and the time left (or how late), counted by the server.</summary>
public sealed record ProviderDeadlineModel(string LastDay, string Citation, string Countdown, bool Passed);

namespace Ombudsman.Web.Pages;

/// <summary>What a <see cref="MessagePage"/> says, in the visitor's language.</summary>
/// <param name="Title">The page's heading.</param>
/// <param name="Message">What happened, plainly.</param>
/// <param name="IsError">Shown as an error (and announced as an alert).</param>
public sealed record MessageModel(string Title, string Message, bool IsError = false)
{
    /// <summary>What the visitor can do now, one sentence each.</summary>
    public IReadOnlyList<string> NextSteps { get; init; } = [];

    /// <summary>Buttons: text and address.</summary>
    public IReadOnlyList<(string Text, string Href)> Links { get; init; } = [];
}

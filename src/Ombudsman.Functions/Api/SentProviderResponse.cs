namespace Ombudsman.Functions.Api;

/// <summary>A response the provider sent: when, its text, the ids of its documents, and whether it came after the deadline.</summary>
internal sealed record SentProviderResponse(DateTimeOffset At, string Text, IReadOnlyList<string> DocumentIds, bool Late);

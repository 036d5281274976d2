namespace Ombudsman.Workflows.Statute;

/// <summary>One statute data file's text, named as errors should name it.</summary>
internal sealed record StatuteDataFile(string Name, StatuteFileKind Kind, string Content);

namespace Ombudsman.Workflows.Notifications;

/// <summary>A template file is malformed: bad header, undeclared or unused placeholder, identity field in a provider template.</summary>
internal sealed class TemplateDefinitionException(string template, string problem)
    : Exception($"template {template}: {problem}")
{
    public string Template { get; } = template;
}

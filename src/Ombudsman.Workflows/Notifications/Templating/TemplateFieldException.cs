namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// A template was rendered with a field missing, a field it does not declare, or an unusable value.
/// <paramref name="detail"/> says where the value should have come from (e.g. which notification data was absent).
/// </summary>
internal sealed class TemplateFieldException(string templateId, Language language, string field, TemplateFieldProblem problem, string? detail = null)
    : Exception((problem switch
    {
        TemplateFieldProblem.Missing => $"template {templateId} ({language.Code()}) needs field '{field}' but it was not given",
        TemplateFieldProblem.Unknown => $"template {templateId} ({language.Code()}) does not declare field '{field}'",
        _ => $"template {templateId} ({language.Code()}) cannot use the value of field '{field}' as a link (absolute http(s) URL required)",
    }) + (detail is null ? "" : $": {detail}"))
{
    public string TemplateId { get; } = templateId;

    public Language Language { get; } = language;

    public string Field { get; } = field;

    public TemplateFieldProblem Problem { get; } = problem;
}

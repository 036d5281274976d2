namespace Ombudsman.Workflows.Notifications;

/// <summary>All templates, loaded once from the embedded <c>Templates/*.txt</c> files and checked as a set.</summary>
internal sealed class TemplateCatalog
{
    private const string ResourcePrefix = "Ombudsman.Workflows.Notifications.Templates.";

    private readonly Dictionary<(string Id, Language Language), EmailTemplate> _templates;

    public TemplateCatalog()
        : this(LoadEmbedded())
    {
    }

    internal TemplateCatalog(IEnumerable<EmailTemplate> templates)
    {
        _templates = templates.ToDictionary(t => (t.Id, t.Language));
        foreach (var group in _templates.Values.GroupBy(t => t.Id))
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                if (!_templates.ContainsKey((group.Key, language)))
                {
                    throw new TemplateDefinitionException(group.Key, $"no {language} version");
                }
            }

            var first = group.First();
            if (group.Any(t => t.Role != first.Role || !t.Fields.Order(StringComparer.Ordinal).SequenceEqual(first.Fields.Order(StringComparer.Ordinal), StringComparer.Ordinal)))
            {
                throw new TemplateDefinitionException(group.Key, "the languages disagree on role or fields; one model must render every language");
            }
        }
    }

    public IEnumerable<string> TemplateIds => _templates.Keys.Select(k => k.Id).Distinct().Order(StringComparer.Ordinal);

    public EmailTemplate Get(string templateId, Language language) =>
        _templates.TryGetValue((templateId, language), out var template)
            ? template
            : throw new TemplateDefinitionException(templateId, $"no such template in {language}");

    private static IEnumerable<EmailTemplate> LoadEmbedded()
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // {id}.{lang}.txt
            var parts = resource[ResourcePrefix.Length..].Split('.');
            if (parts is not [var id, var code, "txt"])
            {
                throw new TemplateDefinitionException(resource, "file name must be {template-id}.{lang}.txt");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return EmailTemplate.Parse(id, LanguageCodes.FromCode(code), reader.ReadToEnd());
        }
    }
}

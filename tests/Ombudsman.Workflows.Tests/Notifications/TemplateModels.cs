using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Builds complete field sets for any template: each value is a marker naming its field.</summary>
internal static class TemplateModels
{
    public static readonly TemplateCatalog Catalog = new();

    public static bool IsLink(string field) => field.EndsWith("Link", StringComparison.Ordinal);

    public static string Marker(string field) => IsLink(field) ? $"https://ombudsman.test/{field.ToLowerInvariant()}/zz" : $"zz-{field}-zz";

    public static Dictionary<string, string> Complete(string templateId, Language language = Language.Indonesian) =>
        Catalog.Get(templateId, language).Fields.ToDictionary(f => f, Marker);

    public static IEnumerable<object[]> EveryTemplateAndLanguage() =>
        from id in TemplateIds.All
        from language in new[] { "id", "en" }
        select new object[] { id, language };
}

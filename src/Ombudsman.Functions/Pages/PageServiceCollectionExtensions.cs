using Ombudsman.Web;

namespace Ombudsman.Functions.Pages;

internal static class PageServiceCollectionExtensions
{
    /// <summary>The public pages: the renderer and the texts in both languages (Ombudsman.Web's resource files).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddSingleton<PageRenderer>();
        services.AddSingleton<PageResponder>();
        services.AddSingleton<CasePages>();
        services.AddSingleton<ProviderPageView>();
        return services;
    }
}

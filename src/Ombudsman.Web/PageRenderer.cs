using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using Ombudsman.Web.Layout;

namespace Ombudsman.Web;

/// <summary>
/// Renders a page component to a complete HTML document on the server (no circuit, no script): Razor encodes every
/// value it writes, so nothing a visitor typed can become markup.
/// </summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TPage>(PageContext context, IDictionary<string, object?>? parameters = null)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var renderer = new HtmlRenderer(services, loggers);
        var root = new Dictionary<string, object?>
        {
            [nameof(PageHost.Context)] = context,
            [nameof(PageHost.PageType)] = typeof(TPage),
            [nameof(PageHost.PageParameters)] = parameters,
        };
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<PageHost>(ParameterView.FromDictionary(root));
            return output.ToHtmlString();
        });
    }
}

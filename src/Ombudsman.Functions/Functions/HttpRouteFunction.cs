using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Ombudsman.Functions.Routing;

namespace Ombudsman.Functions.Functions;

/// <summary>
/// The one compiled HTTP function of the isolated worker. Its metadata is only a template:
/// <see cref="HttpRouteFunctionsMetadataTransformer"/> replaces it with one function per <see cref="HttpRouteTable"/>
/// entry, each with this method as entry point, so every route's invocation lands here and runs the route by the
/// invoked function's name.
/// </summary>
internal sealed class HttpRouteFunction(HttpRouteInvoker routes)
{
    public const string TemplateName = "HttpRouteTemplate";

    /// <summary>No route of the app: the transformer always replaces it, and the host never sees it.</summary>
    public const string TemplateRoute = "__http-route-template__";

    [Function(TemplateName)]
    public IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = TemplateRoute)] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        FunctionContext context)
    {
        // The task hub's client exists only as this binding; handing it to the invocation's scope lets route
        // handlers take DurableTaskClient as an ordinary service.
        context.InstanceServices.GetRequiredService<InvocationDurableClient>().Client = durableClient;
        return routes.Result(context.FunctionDefinition.Name);
    }
}

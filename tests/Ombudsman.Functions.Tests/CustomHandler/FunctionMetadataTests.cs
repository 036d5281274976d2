using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Configuration;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.CustomHandler;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage.Azure;

namespace Ombudsman.Functions.Tests.CustomHandler;

/// <summary>
/// host.json, the function.json files and infra/bicep agree with the app: every HTTP endpoint is reachable through a
/// proxied HTTP function, every non-HTTP function has its invocation endpoint, and the storage names line up.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class FunctionMetadataTests(AzuriteFixture azurite)
{
    private static readonly string FunctionsDirectory = Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Functions", "functions");

    [GeneratedRegex(@"name: 'StorageNames__(\w+)'")]
    private static partial Regex BicepStorageNameSetting();

    [Fact]
    public void Host_json_starts_our_executable_proxies_http_and_lets_our_dispatcher_poison_first()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var root = host.RootElement;
        var handler = root.GetProperty("customHandler");
        var queues = root.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(typeof(Program).Assembly.GetName().Name, handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", root.GetProperty("extensionBundle").GetProperty("id").GetString());
        Assert.Equal(string.Empty, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());

        // The runtime's queue clients write Base64, which the trigger must decode; and the host must not poison a message
        // before our dispatcher has (it records the poison on the instance).
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.True(queues.GetProperty("maxDequeueCount").GetInt32() > new DurableOptions().MaxDequeueCount);
    }

    [Fact]
    public void Every_function_has_one_function_json_and_http_functions_are_exactly_one_trigger_and_one_http_output()
    {
        foreach (var (name, bindings) in Functions())
        {
            var trigger = Assert.Single(bindings, b => b.GetProperty("direction").GetString() == "in");
            if (trigger.GetProperty("type").GetString() == "httpTrigger")
            {
                // Proxying forwards the raw request only for functions bound to exactly httpTrigger in and http out.
                Assert.Equal(2, bindings.Count);
                Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "out");
            }
            else
            {
                Assert.True(bindings.Count == 1, $"{name} has only its trigger");
            }
        }
    }

    [Fact]
    public void The_non_http_functions_are_the_invocation_endpoints_on_the_runtimes_queues()
    {
        var functions = Functions();
        var names = new AzureStorageNames();

        var orchestrator = Assert.Single(functions[InvocationEndpoints.OrchestratorQueue]);
        var activity = Assert.Single(functions[InvocationEndpoints.ActivityQueue]);
        var sweep = Assert.Single(functions[InvocationEndpoints.DeadlineSweep]);

        Assert.Equal(names.OrchestratorQueue, orchestrator.GetProperty("queueName").GetString());
        Assert.Equal(names.ActivityQueue, activity.GetProperty("queueName").GetString());
        Assert.All(new[] { orchestrator, activity }, q =>
        {
            Assert.Equal("queueTrigger", q.GetProperty("type").GetString());
            Assert.Equal(QueueInvocation.BindingName, q.GetProperty("name").GetString());
            Assert.Equal("Storage", q.GetProperty("connection").GetString());
        });
        Assert.Equal("timerTrigger", sweep.GetProperty("type").GetString());
        Assert.Equal("*/30 * * * * *", sweep.GetProperty("schedule").GetString());
    }

    [Fact]
    public void The_queue_names_are_the_ones_bicep_creates()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "bicep", "modules", "names.bicep"));
        var names = new AzureStorageNames();
        var evidence = new EvidenceStorageNames();

        Assert.Contains($"orchestrator: '{names.OrchestratorQueue}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"activity: '{names.ActivityQueue}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"instances: '{names.InstancesTable}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"deadlines: '{names.DeadlinesTable}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"payloads: '{names.PayloadsContainer}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"evidence: '{evidence.EvidenceContainer}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"providerDocuments: '{evidence.ProviderDocumentsContainer}'", bicep, StringComparison.Ordinal);
        Assert.Contains($"accessTokens: '{new AccessTokenStoreOptions().TableName}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_StorageNames_setting_bicep_writes_is_bound_by_the_app()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "bicep", "main.bicep"));
        var settings = BicepStorageNameSetting().Matches(bicep).Select(m => m.Groups[1].Value).ToList();
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("StorageNames:" + s, "x" + s.ToLowerInvariant())))
            .Build();
        var configuration = root.GetSection("StorageNames");

        var runtime = configuration.Get<AzureStorageNames>()!;
        var evidence = configuration.Get<EvidenceStorageNames>()!;
        var bound = typeof(AzureStorageNames).GetProperties().Select(p => (p.Name, Value: p.GetValue(runtime)))
            .Concat(typeof(EvidenceStorageNames).GetProperties().Select(p => (p.Name, Value: p.GetValue(evidence))))
            .ToDictionary(p => p.Name, p => p.Value as string);
        bound["AccessTokensTable"] = AccessServiceCollectionExtensions.TokenStoreOptions(root).TableName;

        Assert.Equal(9, settings.Count);
        Assert.All(settings, s => Assert.Equal("x" + s.ToLowerInvariant(), bound.GetValueOrDefault(s)));
    }

    [Fact]
    public async Task Every_http_endpoint_of_the_app_is_reachable_through_an_http_function_and_every_route_reaches_one()
    {
        await using var app = await TestApp.StartAsync(azurite, [$"FUNCTIONS_CUSTOMHANDLER_PORT={FreePort.Next()}", "Clock:Mode=Manual"]);
        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/openapi/", StringComparison.Ordinal)))
            .Select(e => (Path: SamplePath(e.RoutePattern.RawText!), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        var routes = Functions()
            .Select(f => f.Value.Single(b => b.GetProperty("direction").GetString() == "in"))
            .Where(t => t.GetProperty("type").GetString() == "httpTrigger")
            .Select(t => (Route: t.GetProperty("route").GetString()!, Methods: t.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList()))
            .ToList();

        Assert.NotEmpty(endpoints);
        foreach (var (path, methods) in endpoints)
        {
            foreach (var method in methods)
            {
                Assert.True(routes.Any(r => r.Methods.Contains(method) && Matches(r.Route, path)), $"{method} {path} has no HTTP function");
            }
        }

        foreach (var (route, _) in routes)
        {
            Assert.True(endpoints.Any(e => Matches(route, e.Path)), $"function route {route} reaches no endpoint");
        }
    }

    private static Dictionary<string, List<JsonElement>> Functions() =>
        Directory.GetDirectories(FunctionsDirectory).ToDictionary(
            d => Path.GetFileName(d),
            d =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "function.json")));
                return document.RootElement.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList();
            });

    /// <summary>A concrete path for a route pattern: each parameter becomes a sample value.</summary>
    private static string SamplePath(string pattern) =>
        Regex.Replace(pattern, @"\{[^}]+\}", "sample1value").TrimEnd('/');

    private static bool Matches(string functionRoute, string path) =>
        new TemplateMatcher(TemplateParser.Parse(functionRoute), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary());
}

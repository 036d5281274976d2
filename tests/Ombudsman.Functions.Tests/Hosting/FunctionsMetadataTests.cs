using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Ombudsman.Functions.Hosting;
using Ombudsman.Functions.Routing;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>
/// The published package is a .NET isolated worker whose HTTP functions are exactly the routes the local host serves
/// (name, route, methods, both ways), with the DurableTask extension and worker indexing, under a host.json for it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsMetadataTests(AzuriteFixture azurite, PublishedApp published) : IClassFixture<PublishedApp>
{
    [Fact]
    public void The_packaged_functions_metadata_lists_exactly_the_routes_the_local_host_serves()
    {
        var functions = HttpFunctions(File.ReadAllText(published.Path("functions.metadata")));

        // The package is written for the production configuration: system clock, no development clock routes.
        Assert.Equal(LocalRoutes(), functions);
        Assert.DoesNotContain(functions, f => f.StartsWith("DevClock", StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_manual_clock_the_worker_reports_the_clock_routes_the_local_host_then_serves()
    {
        var metadata = Path.Combine(published.Directory, "manual-clock", "functions.metadata");

        // The worker takes its environment from the Functions host (AZURE_FUNCTIONS_ENVIRONMENT), not from arguments:
        // outside Development a manual clock must be allowed explicitly.
        var (exitCode, output) = published.RunApp(FunctionsMetadataFile.Switch, metadata, "--Clock:Mode=Manual", "--Clock:EnableEndpoints=true");
        Assert.True(exitCode == 0, output);
        var functions = HttpFunctions(File.ReadAllText(metadata));

        Assert.Equal(LocalRoutes("Clock:Mode=Manual", "Clock:EnableEndpoints=true"), functions);
        Assert.Contains("DevClockAdvance api/dev/clock/advance [POST]", functions);
    }

    [Fact]
    public void Every_http_function_is_anonymous_and_runs_the_route_dispatcher()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(published.Path("functions.metadata")));
        var http = document.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .ToList();

        Assert.NotEmpty(http);
        Assert.All(http, f =>
        {
            // The app decides who may do what (tokens, provider links, staff identity): no function keys.
            Assert.Equal("Anonymous", HttpTrigger(f).GetProperty("authLevel").GetString(), ignoreCase: true);
            Assert.Equal("Ombudsman.Functions.Functions.HttpRouteFunction.Run", f.GetProperty("entryPoint").GetString());
            Assert.Equal("Ombudsman.Functions.dll", f.GetProperty("scriptFile").GetString());
        });
    }

    [Fact]
    public void The_case_orchestrator_its_activities_and_the_schedule_are_functions_of_the_package()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(published.Path("functions.metadata")));
        var triggers = document.RootElement.EnumerateArray()
            .Select(f => (Name: f.GetProperty("name").GetString()!, Trigger: f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("direction").GetString() == "In").GetProperty("type").GetString()!))
            .Where(f => f.Trigger != "httpTrigger")
            .ToHashSet();

        Assert.Contains(("Case", "orchestrationTrigger"), triggers);
        Assert.Contains(("Case2", "orchestrationTrigger"), triggers);
        Assert.Contains(("AssessComplaint", "activityTrigger"), triggers);
        Assert.Contains(("ComputeCaseDeadline", "activityTrigger"), triggers);
        Assert.Contains(("SendCaseNotification", "activityTrigger"), triggers);
        Assert.Contains(("RecordCase", "activityTrigger"), triggers);
        Assert.Contains(("DeadlineSweep", "timerTrigger"), triggers);
        Assert.Contains(("StaffDigests", "timerTrigger"), triggers);
    }

    [Fact]
    public void The_package_names_the_durable_task_extension()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(published.Path("extensions.json")));

        Assert.Contains(extensions.RootElement.GetProperty("extensions").EnumerateArray(), e => e.GetProperty("name").GetString() == "DurableTask");
    }

    [Fact]
    public void The_worker_indexes_its_own_functions()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(published.Path("worker.config.json")));
        var description = config.RootElement.GetProperty("description");

        Assert.Equal("true", description.GetProperty("workerIndexing").ToString(), ignoreCase: true);
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("Ombudsman.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
    }

    [Fact]
    public void Host_json_routes_at_the_apps_own_paths_and_names_the_task_hub_from_a_setting()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(published.Path("host.json")));
        var root = host.RootElement;
        var durable = root.GetProperty("extensions").GetProperty("durableTask");
        var storage = durable.GetProperty("storageProvider");

        // Routes already start with api/ (or openapi/): an empty prefix keeps the paths the local host serves.
        Assert.Equal(string.Empty, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("%DurableTaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", storage.GetProperty("type").GetString());
        Assert.Equal("00:00:01", storage.GetProperty("maxQueuePollingInterval").GetString());
        Assert.Equal(4, storage.GetProperty("partitionCount").GetInt32());

        // A .NET isolated app brings its extensions (extensions.json); the custom handler's settings are gone.
        Assert.False(root.TryGetProperty("customHandler", out _));
        Assert.False(root.TryGetProperty("extensionBundle", out _));
    }

    /// <summary>"name route [METHODS]" of every endpoint the local host maps with these settings.</summary>
    private SortedSet<string> LocalRoutes(params string[] settings)
    {
        using var app = FunctionAppHost.Build(TestApp.Arguments(azurite, settings).Args);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<HttpRoute>() is not null, $"{e.DisplayName} is not from the route table"));
        return [.. endpoints.Select(e => Key(
            e.Metadata.GetMetadata<HttpRoute>()!.Name,
            e.RoutePattern.RawText!.TrimStart('/'),
            e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))];
    }

    /// <summary>"name route [METHODS]" of every HTTP-triggered function in a functions.metadata file.</summary>
    private static SortedSet<string> HttpFunctions(string functionsMetadata)
    {
        using var document = JsonDocument.Parse(functionsMetadata);
        return [.. document.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => Key(
                f.GetProperty("name").GetString()!,
                HttpTrigger(f).GetProperty("route").GetString()!,
                HttpTrigger(f).GetProperty("methods").EnumerateArray().Select(m => m.GetString()!)))];
    }

    private static JsonElement HttpTrigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");

    private static string Key(string name, string route, IEnumerable<string> methods) =>
        $"{name} {route} [{string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))}]";
}

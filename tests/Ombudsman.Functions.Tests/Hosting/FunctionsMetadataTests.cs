using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;
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
        Assert.Contains(("CalendarAmendments", "timerTrigger"), triggers);
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

    [Fact]
    public async Task The_functions_host_routes_each_path_to_the_function_the_local_host_serves_it_with()
    {
        (string Method, string Path, string? Function)[] requests =
        [
            ("GET", "/", "HomePage"),
            ("GET", "/?lang=en", "HomePage"),
            ("GET", "/assets/site.0123456789abcdef.css", "PageAsset"),
            ("GET", "/api/health", "Health"),
            ("GET", "/no-such-page", "NotFoundPage"),
            ("GET", "/HomePage", "NotFoundPage"),
            ("GET", "/deeper/no-such/page", "NotFoundPage"),
            ("GET", "/api/no-such-route", null),
            ("GET", "/openapi/no-such/document", null),
            ("POST", "/", null),
        ];
        var functionsMetadata = File.ReadAllText(published.Path("functions.metadata"));
        var app = FunctionAppHost.Build(TestApp.Arguments(azurite).Args);
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Test-Route"] = context.GetEndpoint()?.Metadata.GetMetadata<HttpRoute>()?.Name ?? "";
            return next(context);
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            foreach (var (method, path, function) in requests)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
                var local = response.Headers.TryGetValues("X-Test-Route", out var names) ? names.Single() : "";

                // The host matches each HTTP function's route with ASP.NET Core's Route (WebJobsRouteBuilder in
                // azure-webjobs-sdk-extensions), trying routes whose first segment is literal before those whose first
                // segment is a parameter; an empty route it would map at the function's name instead
                // (WebScriptHostHttpRoutesManager in azure-functions-host).
                var matching = FunctionsHostMatches(functionsMetadata, method, path.Split('?')[0]);

                Assert.True(local == (function ?? ""), $"{method} {path}: the local host chose '{local}'");
                if (function is null)
                {
                    Assert.True(matching.Count == 0, $"{method} {path}: {string.Join(", ", matching)}");
                    continue;
                }

                // Besides it at most the unknown-page route, which the host tries after any route with a literal first segment.
                Assert.Contains(function, matching);
                Assert.All(matching.Where(m => m != function), m => Assert.Equal("NotFoundPage", m));
                Assert.True(
                    matching.Count == 1 || path.Split('/')[1] is "assets" or "api",
                    $"{method} {path}: {string.Join(", ", matching)}");
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>"name route [METHODS]" of every endpoint the local host maps with these settings, its route as told to the Functions host.</summary>
    private SortedSet<string> LocalRoutes(params string[] settings)
    {
        using var app = FunctionAppHost.Build(TestApp.Arguments(azurite, settings).Args);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<HttpRoute>() is not null, $"{e.DisplayName} is not from the route table"));
        Assert.All(endpoints, e => Assert.Equal(e.Metadata.GetMetadata<HttpRoute>()!.Template, e.RoutePattern.RawText!.TrimStart('/')));
        return [.. endpoints.Select(e => Key(
            e.Metadata.GetMetadata<HttpRoute>()!.Name,
            e.Metadata.GetMetadata<HttpRoute>()!.FunctionRoute,
            e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))];
    }

    /// <summary>Every HTTP function of a functions.metadata whose route and methods match the request as the Functions host matches them.</summary>
    private static List<string> FunctionsHostMatches(string functionsMetadata, string method, string path)
    {
        var services = new ServiceCollection().AddLogging().AddRouting().BuildServiceProvider();
        var resolver = services.GetRequiredService<IInlineConstraintResolver>();
        using var document = JsonDocument.Parse(functionsMetadata);
        var matches = new List<string>();
        foreach (var function in document.RootElement.EnumerateArray().Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger")))
        {
            var trigger = HttpTrigger(function);
            var name = function.GetProperty("name").GetString()!;

            // As the host does: a function without a route is served at its name.
            var template = trigger.GetProperty("route").GetString() is { Length: > 0 } given ? given : name;
            var route = new Route(
                new Target(),
                name,
                template,
                defaults: null,
                constraints: new Dictionary<string, object> { ["httpMethod"] = new HttpMethodRouteConstraint([.. trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())]) },
                dataTokens: null,
                resolver);
            var context = new RouteContext(new DefaultHttpContext { RequestServices = services });
            context.HttpContext.Request.Method = method;
            context.HttpContext.Request.Path = path;
            route.RouteAsync(context).GetAwaiter().GetResult();
            if (context.Handler is not null)
            {
                matches.Add(name);
            }
        }

        return matches;
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

    private sealed class Target : IRouter
    {
        public VirtualPathData? GetVirtualPath(VirtualPathContext context) => null;

        public Task RouteAsync(RouteContext context)
        {
            context.Handler = _ => Task.CompletedTask;
            return Task.CompletedTask;
        }
    }

    private static string Key(string name, string route, IEnumerable<string> methods) =>
        $"{name} {route} [{string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))}]";
}

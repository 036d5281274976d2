using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ombudsman.Benchmarks;

/// <summary>
/// Counts the storage requests made while serving one page view. The policy sits in the Azure SDK clients' pipeline
/// per try (so a retry counts as the request it is) and adds one to the scope of the work that sent it; the scope is
/// opened by a middleware at the very start of the app's pipeline for a request that carries <see cref="ViewHeader"/>,
/// and its count is kept under that header's value when the response is done. Work outside a page view (the engine's
/// polling, the deadline sweep) has no scope and is counted only in <see cref="Unscoped"/>. Each request's time, from
/// sending it to its whole response read (the SDK buffers the body in the pipeline), is added up per view too.
/// </summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    public const string ViewHeader = "X-Bench-View";

    private readonly AsyncLocal<Scope?> _current = new();
    private readonly ConcurrentDictionary<string, StorageUse> _views = new(StringComparer.Ordinal);
    private int _unscoped;

    public int Unscoped => Volatile.Read(ref _unscoped);

    /// <summary>The storage requests of the finished view named <paramref name="view"/>, or null while it is not finished.</summary>
    public StorageUse? Of(string view) => _views.TryGetValue(view, out var use) ? use : null;

    /// <summary>Waits, at most <paramref name="patience"/>, for the app to finish the view (the response may reach the client first).</summary>
    public async Task<StorageUse?> WaitForAsync(string view, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (Of(view) is null && DateTime.UtcNow < until)
        {
            await Task.Delay(1);
        }

        return Of(view);
    }

    /// <summary>Counts the requests made by the work started inside <paramref name="work"/> under <paramref name="view"/>.</summary>
    public async Task CountAsync(string view, Func<Task> work)
    {
        var scope = new Scope();
        _current.Value = scope;
        try
        {
            await work();
        }
        finally
        {
            _current.Value = null;
            _views[view] = new StorageUse(scope.Count, TimeSpan.FromTicks(Interlocked.Read(ref scope.Ticks)));
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Count(Stopwatch.GetElapsedTime(started));
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Count(Stopwatch.GetElapsedTime(started));
        }
    }

    private void Count(TimeSpan took)
    {
        if (_current.Value is { } scope)
        {
            Interlocked.Increment(ref scope.Count);
            Interlocked.Add(ref scope.Ticks, took.Ticks);
        }
        else
        {
            Interlocked.Increment(ref _unscoped);
        }
    }

    private sealed class Scope
    {
        public int Count;
        public long Ticks;
    }

    /// <summary>Opens a counting scope for each request that names a view, before any of the app's own middleware.</summary>
    internal sealed class StartupFilter(StorageRequestCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextStep) =>
            {
                if (context.Request.Headers[ViewHeader] is { Count: > 0 } view)
                {
                    await counter.CountAsync(view.ToString(), () => nextStep(context));
                }
                else
                {
                    await nextStep(context);
                }
            });
            next(app);
        };
    }
}

/// <summary>The storage requests of one page view and the time they took, added up (sequential ones: the view waited that long).</summary>
internal sealed record StorageUse(int Requests, TimeSpan Time);

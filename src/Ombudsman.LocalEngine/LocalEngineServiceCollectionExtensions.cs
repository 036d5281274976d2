using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ombudsman.LocalEngine;

/// <summary>
/// Runs Durable Functions' engine in this process, for the local host, the tests and the benchmarks: the Durable Task
/// SDK worker and client (the same orchestrators and activities the function app runs) talk gRPC to the SDK's
/// in-process sidecar, which drives the Durable Task Framework's Azure Storage back end, the one Durable Functions uses
/// by default. The sidecar runs in a small web host of its own on a loopback port the system picks, so the app's own
/// endpoints and URLs are untouched.
/// </summary>
public static class LocalEngineServiceCollectionExtensions
{
    public static IServiceCollection AddLocalDurableEngine(
        this IServiceCollection services, LocalEngineOptions options, Action<DurableTaskRegistry> tasks, DataConverter converter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sidecar = new SidecarAddress();
        var calls = new SidecarCallInvoker(sidecar);
        services.AddSingleton(sp => new LocalSidecar(options, sidecar, sp.GetRequiredService<ILoggerFactory>()));

        // Registered before the worker's own hosted service, so the sidecar listens before the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<LocalSidecar>());
        services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(grpc => grpc.CallInvoker = calls);
            builder.AddTasks(tasks);
            builder.Configure(o => o.DataConverter = converter);
        });
        services.AddDurableTaskClient(builder =>
        {
            builder.UseGrpc(grpc => grpc.CallInvoker = calls);
            builder.Configure(o => o.DataConverter = converter);
            builder.RegisterDirectly();
        });
        return services;
    }

    /// <summary>
    /// The app's loggers for the engine's own categories only: the sidecar's web host must not announce its
    /// internal gRPC address as if it were the app's ("Now listening on"), nor log each internal request.
    /// </summary>
    private sealed class EngineLoggerFactory(ILoggerFactory app) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || categoryName.StartsWith("Microsoft.Hosting", StringComparison.Ordinal)
                ? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance
                : app.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => app.AddProvider(provider);

        public void Dispose()
        {
            // The app owns its logger factory.
        }
    }

    /// <summary>Notes when the worker first asks the sidecar for work, which is when the sidecar starts the back end.</summary>
    private sealed class WorkerConnection : Interceptor
    {
        private long _connectedAtTicks;

        public DateTimeOffset? ConnectedAt => Interlocked.Read(ref _connectedAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(
            TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            if (context.Method.EndsWith("/GetWorkItems", StringComparison.Ordinal))
            {
                Interlocked.CompareExchange(ref _connectedAtTicks, DateTimeOffset.UtcNow.UtcTicks, 0);
            }

            return continuation(request, responseStream, context);
        }
    }

    /// <summary>The sidecar's address, known once it listens (it binds a port the system picks, so nothing can take it first).</summary>
    private sealed class SidecarAddress
    {
        private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Listening(Uri address) => _listening.TrySetResult(address);

        public Uri Current => _listening.Task.IsCompletedSuccessfully
            ? _listening.Task.Result
            : throw new InvalidOperationException("The durable engine is not running yet: start the host before using the durable client.");
    }

    /// <summary>
    /// The worker's and client's gRPC calls, on a channel made at the first call, when the sidecar listens: the worker
    /// and client read their options before any hosted service starts.
    /// </summary>
    private sealed class SidecarCallInvoker(SidecarAddress sidecar) : CallInvoker
    {
        private readonly Lazy<CallInvoker> _inner = new(() => GrpcChannel.ForAddress(sidecar.Current).CreateCallInvoker());

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            _inner.Value.BlockingUnaryCall(method, host, options, request);

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            _inner.Value.AsyncUnaryCall(method, host, options, request);

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            _inner.Value.AsyncServerStreamingCall(method, host, options, request);

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            _inner.Value.AsyncClientStreamingCall(method, host, options);

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            _inner.Value.AsyncDuplexStreamingCall(method, host, options);
    }

    /// <summary>The sidecar's web host and the task hub it serves.</summary>
    private sealed class LocalSidecar(LocalEngineOptions options, SidecarAddress address, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
    {
        /// <summary>How long after the worker connects the sidecar may still be starting the back end.</summary>
        private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(2);

        private readonly WorkerConnection _worker = new();
        private WebApplication? _host;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
                TaskHubName = options.HubName,
                PartitionCount = options.PartitionCount,
                MaxQueuePollingInterval = options.MaxQueuePollingInterval,
                LoggerFactory = loggerFactory,
            });

            // The sidecar starts the back end without awaiting its creation; a new hub must exist before that.
            await service.CreateIfNotExistsAsync();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Services.AddSingleton<ILoggerFactory>(new EngineLoggerFactory(loggerFactory));
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton(_worker);
            builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<WorkerConnection>());
            builder.Services.AddSingleton<IOrchestrationService>(service);
            builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
            builder.Services.AddSingleton<TaskHubGrpcServer>();
            _host = builder.Build();
            _host.MapGrpcService<TaskHubGrpcServer>();
            await _host.StartAsync(cancellationToken);
            address.Listening(new Uri(_host.Urls.First()));
        }

        /// <summary>
        /// Stops the sidecar. It starts the back end only once the worker connects, and stopping a back end that never
        /// started throws on a thread nobody awaits (which ends the process); so a sidecar whose worker never
        /// connected is only disposed, and one that just connected is given a moment to finish starting.
        /// </summary>
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_host is null || _worker.ConnectedAt is not { } connectedAt)
            {
                return;
            }

            var starting = StartGrace - (DateTimeOffset.UtcNow - connectedAt);
            if (starting > TimeSpan.Zero)
            {
                await Task.Delay(starting, cancellationToken);
            }

            await _host.StopAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}

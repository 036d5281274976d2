using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ombudsman.Testing;

/// <summary>
/// A stand-in for SendGrid's v3 API on a free loopback port: records every request and answers with scripted
/// responses (202 by default), so tests can drive the real SendGrid client and assert exactly what it sent.
/// </summary>
public sealed class FakeSendGridServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeSendGridResponse> _script = new();
    private readonly List<RecordedSendGridRequest> _requests = [];
    private readonly WebApplication _app;
    private int _accepted;

    private FakeSendGridServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base address to give the SendGrid client as <c>SendGridClientOptions.Host</c>.</summary>
    public string Host { get; private set; } = "";

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedSendGridRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeSendGridServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the OS picks a free loopback port at bind time, so two test runs never race for one.
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeSendGridServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address");
        server.Host = addresses.Addresses.Single().TrimEnd('/');
        return server;
    }

    /// <summary>Queues responses for the next requests; once the script runs out every request gets a 202.</summary>
    public void Enqueue(params FakeSendGridResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedSendGridRequest
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Headers = headers,
            Body = body,
            Json = body.Length == 0 ? null : JsonNode.Parse(body),
        };
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        if (!_script.TryDequeue(out var response))
        {
            var n = Interlocked.Increment(ref _accepted);
            response = FakeSendGridResponse.Accepted($"fake-message-{n}");
        }

        if (response.StatusCode == -1)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client timed out and closed the connection.
            }

            return;
        }

        if (response.StatusCode == 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Functions.Tests.CustomHandler;

/// <summary>
/// The custom handler's invocation endpoints, posted host-shaped payloads ({Data, Metadata}) over real HTTP, with the
/// runtime's real queues on Azurite: the test plays the Functions host, taking messages off the queues and invoking.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InvocationEndpointsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp? _app;

    private TestApp App => _app ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(
            azurite,
            [$"FUNCTIONS_CUSTOMHANDLER_PORT={FreePort.Next()}"],
            r => r
                .AddActivity<int, int>("Double", (x, _) => Task.FromResult(x * 2))
                .AddOrchestration<int, int>("Doubling", "1", async (context, x) => await context.CallActivityAsync<int>("Double", x))
                .AddOrchestration<string, string>("Waiting", "1", async (context, _) =>
                {
                    await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(1), new DeadlineInfo { Kind = "test", Citation = "UU 25/2009 art. 45(1)" }).Task;
                    return "fired";
                }));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Queue_invocations_with_object_and_json_quoted_messages_run_an_orchestration_to_completion()
    {
        var id = await App.Durable.StartAsync("Doubling", 21);

        // Start message as a JSON object, activity message as a JSON-quoted string, the result as a string quoted twice.
        var start = await ReceiveAsync(App.Names.OrchestratorQueue);
        await AssertInvokedAsync("OrchestratorQueue", Payload(JsonNode.Parse(start.MessageText), start), HttpStatusCode.OK);
        var work = await ReceiveAsync(App.Names.ActivityQueue);
        await AssertInvokedAsync("ActivityQueue", Payload(JsonValue.Create(work.MessageText), work), HttpStatusCode.OK);
        var result = await ReceiveAsync(App.Names.OrchestratorQueue);
        await AssertInvokedAsync("OrchestratorQueue", Payload(JsonValue.Create(JsonSerializer.Serialize(result.MessageText)), result), HttpStatusCode.OK);

        var status = await App.Durable.GetStatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, status!.Status);
        Assert.Equal(42, status.ReadOutput<int>());
    }

    [Fact]
    public async Task A_failing_message_is_answered_500_so_the_host_delivers_it_again()
    {
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = "{\"instanceId\":\"no-such-instance\",\"event\":{}}" },
            ["Metadata"] = new JsonObject { ["Id"] = "m-1", ["DequeueCount"] = 1 },
        };

        var body = await AssertInvokedAsync("OrchestratorQueue", payload, HttpStatusCode.InternalServerError);

        Assert.Contains("Retry", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await App.Queue(App.Names.OrchestratorQueue + App.Names.PoisonQueueSuffix).PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task A_bad_message_on_its_fifth_delivery_is_poisoned_answered_200_and_recorded_on_the_instance()
    {
        var id = await App.Durable.StartAsync("Doubling", 1);
        _ = await ReceiveAsync(App.Names.OrchestratorQueue);
        var bad = new JsonObject { ["instanceId"] = id, ["executionId"] = "x", ["event"] = "not an event" }.ToJsonString();
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(bad) },
            ["Metadata"] = new JsonObject { ["Id"] = "\"m-5\"", ["DequeueCount"] = "5", ["PopReceipt"] = "p" },
        };

        var body = await AssertInvokedAsync("OrchestratorQueue", payload, HttpStatusCode.OK);

        var poisoned = Assert.Single((await App.Queue(App.Names.OrchestratorQueue + App.Names.PoisonQueueSuffix).PeekMessagesAsync(32)).Value);
        using var record = JsonDocument.Parse(poisoned.MessageText);
        var status = await App.Durable.GetStatusAsync(id);
        Assert.Contains("Poisoned", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("m-5", record.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(id, record.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal("m-5", status!.Poison?.MessageId);
        Assert.Equal(5, status.Poison?.DequeueCount);
    }

    [Fact]
    public async Task The_timer_invocation_sweeps_due_deadlines_onto_the_orchestrator_queue()
    {
        var id = await App.Durable.StartAsync("Waiting", "x");
        var start = await ReceiveAsync(App.Names.OrchestratorQueue);
        await AssertInvokedAsync("OrchestratorQueue", Payload(JsonNode.Parse(start.MessageText), start), HttpStatusCode.OK);

        // The timer is due a millisecond after the instance's start; sweep until the index says so.
        var timer = new JsonObject
        {
            ["Data"] = new JsonObject { ["timer"] = new JsonObject { ["IsPastDue"] = false } },
            ["Metadata"] = new JsonObject(),
        };
        await Polling.UntilAsync(
            async () => (await AssertInvokedAsync("DeadlineSweep", timer, HttpStatusCode.OK))["Logs"]![0]!.GetValue<string>(),
            log => !log.Contains(" 0 timer(s) fired", StringComparison.Ordinal));
        var fired = await ReceiveAsync(App.Names.OrchestratorQueue);
        await AssertInvokedAsync("OrchestratorQueue", Payload(JsonNode.Parse(fired.MessageText), fired), HttpStatusCode.OK);

        Assert.Equal("fired", (await App.Durable.GetStatusAsync(id))!.ReadOutput<string>());
    }

    [Fact]
    public async Task An_invocation_without_data_is_a_problem_naming_the_field()
    {
        using var response = await App.Client.PostAsync(new Uri("/ActivityQueue", UriKind.Relative), new StringContent("{\"Metadata\":{}}", Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid-invocation", problem["code"]!.GetValue<string>());
        Assert.Equal("Data", problem["errors"]![0]!["field"]!.GetValue<string>());
    }

    private static JsonObject Payload(JsonNode? message, QueueMessage received) => new()
    {
        ["Data"] = new JsonObject { ["message"] = message },
        ["Metadata"] = new JsonObject
        {
            ["Id"] = received.MessageId,
            ["DequeueCount"] = received.DequeueCount,
            ["InsertionTime"] = received.InsertedOn?.ToString("O"),
            ["PopReceipt"] = received.PopReceipt,
        },
    };

    /// <summary>Takes the next message off a queue, as the host's queue trigger does (and deletes it: the test settles it).</summary>
    private async Task<QueueMessage> ReceiveAsync(string queueName)
    {
        var queue = App.Queue(queueName);
        var message = await Polling.UntilAsync(async () => (await queue.ReceiveMessageAsync()).Value, m => m is not null);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message;
    }

    private async Task<JsonNode> AssertInvokedAsync(string function, JsonNode payload, HttpStatusCode expected)
    {
        using var response = await App.Client.PostAsync(
            new Uri("/" + function, UriKind.Relative), new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"POST /{function}: {(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!;
        Assert.NotNull(body["Outputs"]);
        Assert.Null(body["ReturnValue"]);
        return body;
    }
}

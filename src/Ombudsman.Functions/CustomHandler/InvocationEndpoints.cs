using System.Text.Json;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.CustomHandler;

/// <summary>
/// The invocation endpoints the Functions host calls for the non-HTTP functions (functions/*/function.json):
/// POST /OrchestratorQueue and /ActivityQueue (queue triggers) and /DeadlineSweep (timer). Mapped only in custom-handler mode.
/// </summary>
internal static partial class InvocationEndpoints
{
    public const string OrchestratorQueue = "OrchestratorQueue";
    public const string ActivityQueue = "ActivityQueue";
    public const string DeadlineSweep = "DeadlineSweep";

    public static IEndpointRouteBuilder MapInvocationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + OrchestratorQueue, (HttpRequest request, DurableDispatcher dispatcher, ILoggerFactory logs, CancellationToken ct) =>
            HandleQueueAsync(QueueKind.Orchestrator, request, dispatcher, logs, ct)).ExcludeFromDescription();
        endpoints.MapPost("/" + ActivityQueue, (HttpRequest request, DurableDispatcher dispatcher, ILoggerFactory logs, CancellationToken ct) =>
            HandleQueueAsync(QueueKind.Activity, request, dispatcher, logs, ct)).ExcludeFromDescription();
        endpoints.MapPost("/" + DeadlineSweep, SweepAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> HandleQueueAsync(QueueKind kind, HttpRequest request, DurableDispatcher dispatcher, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        QueueInvocation invocation;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            invocation = QueueInvocation.Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new DomainException(DomainErrorKind.Validation, "invalid-invocation", $"The invocation is not JSON: {e.Message}");
        }

        var outcome = await dispatcher.HandleAsync(kind, invocation.MessageId, invocation.Body, invocation.DequeueCount, cancellationToken);
        var line = $"{kind} message {invocation.MessageId} (delivery {invocation.DequeueCount}): {outcome}";
        LogInvocation(logs.CreateLogger(typeof(InvocationEndpoints).FullName!), kind, invocation.MessageId, invocation.DequeueCount, outcome);

        // A non-2xx answer fails the invocation, so the host delivers the message again (up to its maxDequeueCount).
        return outcome == DispatchOutcome.Retry
            ? Results.Json(InvocationResponse.WithLogs(line), statusCode: StatusCodes.Status500InternalServerError)
            : Results.Json(InvocationResponse.WithLogs(line));
    }

    private static async Task<IResult> SweepAsync(DurableDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var result = await dispatcher.SweepAsync(cancellationToken);
        return Results.Json(InvocationResponse.WithLogs(
            $"Deadline sweep: {result.TimersFired} timer(s) fired, {result.OutboxBatchesDispatched} leftover outbox batch(es) dispatched"));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Queue} message {MessageId} (delivery {DequeueCount}) handled by the custom handler: {Outcome}")]
    private static partial void LogInvocation(ILogger logger, QueueKind queue, string messageId, long dequeueCount, DispatchOutcome outcome);
}

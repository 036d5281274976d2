namespace Ombudsman.Workflows.Durable;

/// <summary>Why an activity, sub-orchestration or instance failed.</summary>
public sealed record FailureDetails(string ErrorType, string Message, string? StackTrace = null)
{
    public static FailureDetails From(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace);

    public override string ToString() => $"{ErrorType}: {Message}";
}

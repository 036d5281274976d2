namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>What the front door does with a message after the dispatcher handled it.</summary>
public enum DispatchOutcome
{
    /// <summary>Processed (or recognised as a duplicate): delete it.</summary>
    Completed,

    /// <summary>Failed this time: leave it to be delivered again.</summary>
    Retry,

    /// <summary>Failed too often: it was moved to the poison queue and recorded on the instance; delete it.</summary>
    Poisoned,
}

namespace Ombudsman.Workflows.Statute;

/// <summary>A filing date comes before every loaded rule set takes effect, so there are no rules to pin.</summary>
public sealed class NoRuleSetInForceException : Exception
{
    public NoRuleSetInForceException(DateOnly date, DateOnly? earliest)
        : base($"No statute rule set is in force on {date:yyyy-MM-dd}; "
            + (earliest is { } first ? $"the earliest takes effect on {first:yyyy-MM-dd}." : "none is loaded."))
    {
        Date = date;
    }

    public DateOnly Date { get; }
}

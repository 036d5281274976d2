namespace Ombudsman.Workflows.Statute;

/// <summary>Where a rule's value comes from: the law itself, or the office where the law is silent.</summary>
public enum RuleBasis
{
    /// <summary>The duration is set by statute or regulation.</summary>
    Statutory,

    /// <summary>The law is silent or unconfirmed; the value is office policy and is shown as "by office policy".</summary>
    OfficePolicy,
}

namespace Ombudsman.Workflows.Statute;

/// <summary>A party to a case whose answer a statute deadline waits for (a rule's "answeredBy").</summary>
public enum RuleParty
{
    /// <summary>The service provider (penyelenggara) or the reported party (terlapor).</summary>
    Provider,

    /// <summary>The complainant (pengadu) or reporter (pelapor).</summary>
    Complainant,
}

namespace Ombudsman.Functions.Access;

/// <summary>Whom an access token speaks for.</summary>
internal enum AccessParty
{
    /// <summary>The complainant (or representative): the tracking token returned at filing.</summary>
    Complainant,

    /// <summary>The provider: a per-case capability link.</summary>
    Provider,
}

namespace Ombudsman.Workflows.Cases;

/// <summary>What kind of provider a complaint is against; decides the routing of UU 25/2009 art. 46.</summary>
public enum ProviderKind
{
    /// <summary>An implementing officer (pelaksana): goes to that officer's superior.</summary>
    ImplementingOfficer,

    /// <summary>A government provider unit: goes to the superior of the work unit.</summary>
    GovernmentUnit,

    /// <summary>A corporation or independent body: goes to the official of the agency that gave the mission.</summary>
    Corporation,
}

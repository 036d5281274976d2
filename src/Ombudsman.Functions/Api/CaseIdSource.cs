using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>Where filing takes a fresh case id: <see cref="CaseIds.New"/>. A seam, so a test can hand filing an id that is taken.</summary>
internal class CaseIdSource
{
    public virtual string Next(RegionalOffice office, DateTimeOffset filedAt) => CaseIds.New(office, filedAt);
}

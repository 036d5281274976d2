namespace Ombudsman.Workflows.Statute;

/// <summary>
/// The calendar deadlines are counted with now: the data files, with the latest published version of each year laid
/// over them where the app keeps published versions. Read only by activities, never by orchestration code, so a
/// publication changes new computations and never a replay.
/// </summary>
public interface ILegalCalendarSource
{
    ValueTask<LegalCalendar> CurrentAsync(CancellationToken cancellationToken = default);
}

/// <summary>The data files alone: where no published versions are kept (the workflow tests, tools).</summary>
internal sealed class DataFileCalendarSource(LegalCalendar calendar) : ILegalCalendarSource
{
    public ValueTask<LegalCalendar> CurrentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(calendar);
}

using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Activities;

/// <summary>Writes a case's changes to the read model; idempotent, so the engine may run it more than once.</summary>
internal sealed class RecordCaseActivity(CaseReadModel readModel) : TaskActivity<CaseRecordUpdate, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseRecordUpdate input)
    {
        await readModel.ApplyAsync(input);
        return true;
    }
}

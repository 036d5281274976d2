using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>One behaviour for every send-record store; each store's test class runs these facts.</summary>
public abstract class SendRecordStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    internal abstract ISendRecordStore Store { get; }

    [Fact]
    public async Task Adding_a_record_twice_for_the_same_key_keeps_the_first_and_reports_the_conflict()
    {
        var first = Pending("case/1#a?b", "instance-1:task-3");

        var added = await Store.TryAddAsync(first, CancellationToken.None);
        var again = await Store.TryAddAsync(first with { TemplateId = "other" }, CancellationToken.None);
        var read = await Store.GetAsync("case/1#a?b", "instance-1:task-3", CancellationToken.None);

        Assert.NotNull(added);
        Assert.NotNull(added.Version);
        Assert.Null(again);
        Assert.Equal(TemplateIds.ComplainantReceipt, read!.TemplateId);
        Assert.Equal(SendStatus.Pending, read.Status);
        Assert.Equal(T0, read.AttemptedAt);
    }

    [Fact]
    public async Task The_same_key_in_two_cases_is_two_records()
    {
        Assert.NotNull(await Store.TryAddAsync(Pending("case-a", "i:1"), CancellationToken.None));
        Assert.NotNull(await Store.TryAddAsync(Pending("case-b", "i:1"), CancellationToken.None));
        Assert.NotNull(await Store.TryAddAsync(Pending(null, "digest:office-1:2026-11-25"), CancellationToken.None));

        Assert.NotNull(await Store.GetAsync(null, "digest:office-1:2026-11-25", CancellationToken.None));
        Assert.Null(await Store.GetAsync("case-c", "i:1", CancellationToken.None));
    }

    [Fact]
    public async Task A_replace_with_a_stale_version_is_refused_and_a_current_one_applies()
    {
        var added = (await Store.TryAddAsync(Pending("case-r", "i:2"), CancellationToken.None))!;
        var sent = await Store.TryReplaceAsync(
            added with { Status = SendStatus.Sent, ProviderMessageId = "msg-1", CompletedAt = T0.AddSeconds(1) }, CancellationToken.None);

        var stale = await Store.TryReplaceAsync(added with { Status = SendStatus.Uncertain }, CancellationToken.None);
        var read = await Store.GetAsync("case-r", "i:2", CancellationToken.None);

        Assert.NotNull(sent);
        Assert.NotEqual(added.Version, sent.Version);
        Assert.Null(stale);
        Assert.Equal(SendStatus.Sent, read!.Status);
        Assert.Equal("msg-1", read.ProviderMessageId);
        Assert.Equal(T0.AddSeconds(1), read.CompletedAt);
    }

    [Fact]
    public async Task A_replace_without_a_version_always_applies_but_never_creates()
    {
        var added = (await Store.TryAddAsync(Pending("case-u", "i:3"), CancellationToken.None))!;
        await Store.TryReplaceAsync(added with { Status = SendStatus.Uncertain }, CancellationToken.None);

        var forced = await Store.TryReplaceAsync(added with { Status = SendStatus.Sent, Version = null }, CancellationToken.None);
        var missing = await Store.TryReplaceAsync(Pending("case-u", "never-added") with { Version = null }, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, forced!.Status);
        Assert.Null(missing);
        Assert.Null(await Store.GetAsync("case-u", "never-added", CancellationToken.None));
    }

    [Fact]
    public async Task Rejected_failed_uncertain_and_pending_sends_of_a_case_are_listed_for_staff_but_sent_ones_are_not()
    {
        const string caseId = "PGD-2026-000042";
        await Add(Pending(caseId, "i:1") with { Status = SendStatus.Sent, AttemptedAt = T0 });
        await Add(Pending(caseId, "i:2") with { Status = SendStatus.Rejected, Reason = "Does not contain a valid address.", StatusCode = 400, AttemptedAt = T0.AddMinutes(2) });
        await Add(Pending(caseId, "i:3") with { Status = SendStatus.Failed, Reason = "503", StatusCode = 503, AttemptedAt = T0.AddMinutes(3) });
        await Add(Pending(caseId, "i:4") with { Status = SendStatus.Uncertain, AttemptedAt = T0.AddMinutes(4) });
        await Add(Pending(caseId, "i:5") with { AttemptedAt = T0.AddMinutes(1) });
        await Add(Pending("another-case", "i:6") with { Status = SendStatus.Rejected });

        var listed = await Store.ListNotDeliveredAsync(caseId, CancellationToken.None);

        Assert.Equal(["i:5", "i:2", "i:3", "i:4"], listed.Select(r => r.IdempotencyKey));
        var rejected = listed.Single(r => r.IdempotencyKey == "i:2");
        Assert.Equal(SendStatus.Rejected, rejected.Status);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("Does not contain a valid address.", rejected.Reason);
        Assert.Equal(RecipientRole.Complainant, rejected.Role);
    }

    private async Task Add(SendRecord record) => Assert.NotNull(await Store.TryAddAsync(record, CancellationToken.None));

    private static SendRecord Pending(string? caseId, string key) => new()
    {
        CaseId = caseId,
        IdempotencyKey = key,
        TemplateId = TemplateIds.ComplainantReceipt,
        Role = RecipientRole.Complainant,
        Status = SendStatus.Pending,
        AttemptedAt = T0,
    };
}

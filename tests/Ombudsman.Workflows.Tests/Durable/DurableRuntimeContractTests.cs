using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Durable.History;
using Ombudsman.Workflows.Durable.Storage;

namespace Ombudsman.Workflows.Tests.Durable;

/// <summary>
/// The runtime's contract, run against every store (in memory and Azure Storage through Azurite).
/// Each failure test (a)-(h) of the runtime issue is one test here and can fail.
/// </summary>
public abstract class DurableRuntimeContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly DeadlineInfo CureWindow = new() { Kind = "cure-window", Citation = "UU 25/2009 art. 45(2)-(3)", RuleId = "P6" };

    private protected abstract IDurableStorageFactory Factory { get; }

    private async Task<DurableTestHost> HostAsync(
        Action<DurableRegistry> register, DurableStorage? storage = null, FakeTimeProvider? clock = null, Action<DurableOptions>? configure = null)
    {
        clock ??= new FakeTimeProvider(Start);
        return new DurableTestHost(storage ?? await Factory.CreateAsync(clock), clock, register, configure);
    }

    [Fact]
    public async Task Orchestration_chains_activities_and_completes_with_their_output()
    {
        await using var host = await HostAsync(r => r
            .AddActivity<int, int>("Double", (x, _) => Task.FromResult(x * 2))
            .AddOrchestration<int, int>("Chain", "1", async (ctx, x) =>
            {
                var a = await ctx.CallActivityAsync<int>("Double", x);
                return await ctx.CallActivityAsync<int>("Double", a);
            }));

        var id = await host.Client.StartAsync("Chain", 5);
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, status.Status);
        Assert.Equal(20, status.ReadOutput<int>());
        Assert.Equal(2, (await host.HistoryAsync(id)).OfType<TaskCompleted>().Count());
    }

    [Fact]
    public async Task Starting_the_same_instance_id_twice_starts_it_once()
    {
        var runs = 0;
        await using var host = await HostAsync(r => r
            .AddActivity<int, int>("Count", (_, _) => Task.FromResult(Interlocked.Increment(ref runs)))
            .AddOrchestration<int, int>("Once", "1", async (ctx, _) => await ctx.CallActivityAsync<int>("Count"))
            .AddOrchestration<int, int>("Other", "1", (_, x) => Task.FromResult(x)));

        var first = await host.Client.StartAsync("Once", 1, instanceId: "case-1");
        var second = await host.Client.StartAsync("Once", 2, instanceId: "case-1");
        await host.RunAsync();

        Assert.Equal(first, second);
        Assert.Equal(1, runs);
        Assert.Equal("1", (await host.StatusAsync("case-1")).Input);
        await Assert.ThrowsAsync<InstanceIdConflictException>(() => host.Client.StartAsync("Other", 1, instanceId: "case-1"));
    }

    [Fact]
    public async Task External_event_raised_before_the_first_step_is_not_lost()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Waiter", "1", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Decision") ?? "none"));

        var id = await host.Client.StartAsync("Waiter");
        await host.Client.RaiseEventAsync(id, "Decision", "granted");
        await host.RunAsync();

        Assert.Equal("granted", (await host.StatusAsync(id)).ReadOutput<string>());
        await Assert.ThrowsAsync<InstanceNotFoundException>(() => host.Client.RaiseEventAsync("no-such-case", "Decision"));
    }

    [Fact]
    public async Task Terminate_records_the_reason_and_removes_pending_deadlines()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Long", "1", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CureWindow).Task;
                return "expired";
            }));

        var id = await host.Client.StartAsync("Long");
        await host.RunAsync();
        Assert.Single(await host.AllIndexedTimersAsync());

        await host.Client.TerminateAsync(id, "withdrawn by the complainant");
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Terminated, status.Status);
        Assert.Equal("withdrawn by the complainant", status.ReadOutput<string>());
        Assert.Empty(await host.AllIndexedTimersAsync());
    }

    [Fact]
    public async Task Instances_are_listed_by_status_custom_status_field_and_index_field()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, office) =>
            {
                ctx.SetIndexField("office", office!);
                ctx.SetCustomStatus(new { stage = "completeness-check", office });
                await ctx.WaitForExternalEvent<string>("Complete");
                ctx.SetCustomStatus(new { stage = "examination", office });
                await ctx.WaitForExternalEvent<string>("Close");
                return "closed";
            }));

        var jakarta = await host.Client.StartAsync("Case", "JKT", instanceId: "jkt-1");
        await host.Client.StartAsync("Case", "JKT", instanceId: "jkt-2");
        await host.Client.StartAsync("Case", "MKS", instanceId: "mks-1");
        await host.RunAsync();
        await host.Client.RaiseEventAsync(jakarta, "Complete");
        await host.RunAsync();

        var running = await host.Client.ListInstancesAsync(new InstanceQuery { Status = OrchestrationStatus.Running });
        var examined = await host.Client.ListInstancesAsync(new InstanceQuery { CustomStatusFields = new Dictionary<string, string> { ["stage"] = "examination" } });
        var inJakarta = await host.Client.ListInstancesAsync(new InstanceQuery { IndexFields = new Dictionary<string, string> { ["office"] = "JKT" } });

        Assert.Equal(3, running.Count);
        Assert.Equal(["jkt-1"], examined.Select(i => i.InstanceId));
        Assert.Equal(["jkt-1", "jkt-2"], inJakarta.Select(i => i.InstanceId).Order());
        Assert.Empty(await host.Client.ListInstancesAsync(new InstanceQuery { Status = OrchestrationStatus.Completed }));
    }

    [Fact]
    public async Task Pending_deadlines_are_listed_by_due_range_and_office_with_their_citation()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<int, string>("Deadline", "1", async (ctx, days) =>
            {
                ctx.SetIndexField("office", days < 20 ? "JKT" : "MKS");
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(days), CureWindow).Task;
                return "due";
            }));

        foreach (var days in new[] { 3, 10, 30 })
        {
            await host.Client.StartAsync("Deadline", days, instanceId: $"d{days}");
        }

        await host.RunAsync();

        var thisWeek = await host.Client.ListDeadlinesAsync(new DeadlineQuery { DueFrom = Start, DueTo = Start.AddDays(7) });
        var jakarta = await host.Client.ListDeadlinesAsync(new DeadlineQuery
        {
            DueFrom = Start,
            DueTo = Start.AddDays(60),
            IndexFields = new Dictionary<string, string> { ["office"] = "JKT" },
        });

        var single = Assert.Single(thisWeek);
        Assert.Equal("d3", single.InstanceId);
        Assert.Equal(Start.AddDays(3), single.DueAt);
        Assert.Equal("UU 25/2009 art. 45(2)-(3)", single.Deadline.Citation);
        Assert.Equal(["d10", "d3"], jakarta.Select(d => d.InstanceId).Order());
    }

    [Fact]
    public async Task Sub_orchestration_returns_its_output_to_the_parent()
    {
        await using var host = await HostAsync(r => r
            .AddActivity<string, string>("Upper", (s, _) => Task.FromResult(s!.ToUpperInvariant()))
            .AddOrchestration<string, string>("Child", "1", async (ctx, s) => await ctx.CallActivityAsync<string>("Upper", s) ?? string.Empty)
            .AddOrchestration<string, string>("Parent", "1", async (ctx, s) => "parent:" + await ctx.CallSubOrchestrationAsync<string>("Child", s)));

        var id = await host.Client.StartAsync("Parent", "mediation");
        await host.RunAsync();

        Assert.Equal("parent:MEDIATION", (await host.StatusAsync(id)).ReadOutput<string>());
        var child = Assert.Single((await host.HistoryAsync(id)).OfType<SubOrchestrationCreated>()).InstanceId;
        Assert.Equal(OrchestrationStatus.Completed, (await host.StatusAsync(child)).Status);
    }

    [Fact]
    public async Task Each_execution_after_continue_as_new_starts_its_own_sub_orchestration()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<int, int>("Child", "1", (_, n) => Task.FromResult(n * 10))
            .AddOrchestration<int, int>("Parent", "1", async (ctx, n) =>
            {
                var fromChild = await ctx.CallSubOrchestrationAsync<int>("Child", n);
                if (n < 2)
                {
                    ctx.ContinueAsNew(n + 1);
                }

                return fromChild;
            }));

        var id = await host.Client.StartAsync("Parent", 0);
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, status.Status);
        Assert.Equal(20, status.ReadOutput<int>());
    }

    [Fact]
    public async Task A_child_id_taken_by_another_instance_fails_the_call_instead_of_hanging()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<int, int>("Child", "1", (_, n) => Task.FromResult(n))
            .AddOrchestration<string, string>("Waiter", "1", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never") ?? string.Empty)
            .AddOrchestration<int, string>("Parent", "1", async (ctx, n) =>
            {
                try
                {
                    await ctx.CallSubOrchestrationAsync<int>("Child", n, instanceId: "taken");
                    return "started";
                }
                catch (TaskFailedException e)
                {
                    return e.Failure.ErrorType;
                }
            }));

        await host.Client.StartAsync("Waiter", instanceId: "taken");
        var id = await host.Client.StartAsync("Parent", 1);
        await host.RunAsync();

        Assert.Equal("InstanceIdConflict", (await host.StatusAsync(id)).ReadOutput<string>());
    }

    [Fact]
    public async Task Continue_as_new_restarts_with_a_fresh_history()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<int, int>("Counter", "1", async (ctx, n) =>
            {
                if (n < 3)
                {
                    await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1)).Task;
                    ctx.ContinueAsNew(n + 1);
                }

                return n;
            }));

        var id = await host.Client.StartAsync("Counter", 0);
        for (var day = 0; day < 4; day++)
        {
            await host.AdvanceAsync(TimeSpan.FromDays(1));
        }

        Assert.Equal(3, (await host.StatusAsync(id)).ReadOutput<int>());
        var history = await host.HistoryAsync(id);
        Assert.Equal("3", Assert.Single(history.OfType<ExecutionStarted>()).Input);
    }

    [Fact]
    public async Task A_host_that_dies_after_commit_and_before_dispatch_loses_nothing_and_doubles_nothing()
    {
        // (a) The step commits (history + outbox row), then the host dies before sending the activity message.
        var runs = 0;
        var clock = new FakeTimeProvider(Start);
        var storage = await Factory.CreateAsync(clock);
        var dying = new DyingQueue(storage.ActivityQueue);
        await using var host = await HostAsync(
            r => r
                .AddActivity<int, int>("Notify", (x, _) =>
                {
                    Interlocked.Increment(ref runs);
                    return Task.FromResult(x);
                })
                .AddOrchestration<int, int>("Case", "1", async (ctx, x) => await ctx.CallActivityAsync<int>("Notify", x)),
            storage with { ActivityQueue = dying },
            clock);

        dying.DieOnNextSend = true;
        var id = await host.Client.StartAsync("Case", 7);
        await host.RunAsync();

        var afterCrash = await host.Storage.Instances.LoadAsync(id, CancellationToken.None);
        Assert.Single(afterCrash!.History.OfType<TaskScheduled>());
        Assert.Single(afterCrash.Outbox);
        Assert.Equal(0, runs);

        // The outbox sweeper finds the leftover row once it is old enough, and the redelivered message is a duplicate.
        await host.AdvanceAsync(TimeSpan.FromMinutes(10));

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, status.Status);
        Assert.Equal(7, status.ReadOutput<int>());
        Assert.Equal(1, runs);
        var history = await host.HistoryAsync(id);
        Assert.Single(history.OfType<TaskScheduled>());
        Assert.Single(history.OfType<TaskCompleted>());
        Assert.Empty((await host.Storage.Instances.LoadAsync(id, CancellationToken.None))!.Outbox);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_instance_produce_the_history_of_a_serial_run()
    {
        // (b) Both dispatchers load the same ETag before committing, so one loses the race and retries from fresh state.
        const int events = 6;
        static void Register(DurableRegistry r) => r.AddOrchestration<int, string>("Sum", "1", async (ctx, n) =>
        {
            var seen = new List<int>();
            for (var i = 0; i < n; i++)
            {
                seen.Add(await ctx.WaitForExternalEvent<int>("Add"));
                await ctx.CallActivityAsync<int>("Echo", seen[^1]);
            }

            return string.Join(",", seen);
        }).AddActivity<int, int>("Echo", (x, _) => Task.FromResult(x));

        var clock = new FakeTimeProvider(Start);
        var storage = await Factory.CreateAsync(clock);
        var racing = new RendezvousInstanceStore(storage.Instances, rendezvousCount: 4);
        await using var host = await HostAsync(Register, storage with { Instances = racing }, clock);
        var id = await host.Client.StartAsync("Sum", events, instanceId: "race");
        for (var i = 1; i <= events; i++)
        {
            await host.Client.RaiseEventAsync(id, "Add", i);
        }

        await Task.WhenAll(Task.Run(host.DrainOneAtATimeAsync), Task.Run(host.DrainOneAtATimeAsync));
        await host.RunAsync();

        var concurrent = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, concurrent.Status);
        Assert.True(racing.Conflicts > 0, "the two dispatchers never raced; the test proved nothing");
        var order = concurrent.ReadOutput<string>()!.Split(',').Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(1, events), order.Order());

        // One dispatcher fed the same messages one at a time, in the order the racing run applied them, writes the same history.
        await using var serial = await HostAsync(Register);
        await serial.Client.StartAsync("Sum", events, instanceId: "race");
        await serial.ProcessVisibleAsync(QueueKind.Orchestrator);
        foreach (var applied in (await host.HistoryAsync(id)).Where(e => e is EventRaised or TaskCompleted))
        {
            if (applied is EventRaised raised)
            {
                await serial.Client.RaiseEventAsync("race", "Add", int.Parse(raised.Payload!, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                await serial.ProcessVisibleAsync(QueueKind.Activity);
            }

            await serial.ProcessVisibleAsync(QueueKind.Orchestrator);
        }

        Assert.Equal(Normalize(await serial.HistoryAsync("race")), Normalize(await host.HistoryAsync(id)));
    }

    [Fact]
    public async Task A_duplicate_task_completed_is_ignored()
    {
        // (c)
        await using var host = await HostAsync(r => r
            .AddActivity<int, int>("Slow", (x, _) => Task.FromResult(x))
            .AddOrchestration<int, int>("Case", "1", async (ctx, x) =>
            {
                var first = await ctx.CallActivityAsync<int>("Slow", x);
                var second = await ctx.CallActivityAsync<int>("Slow", x + 1);
                return (first * 10) + second;
            }));

        var id = await host.Client.StartAsync("Case", 1);
        await host.ProcessVisibleAsync(QueueKind.Orchestrator);
        var activity = Assert.Single(await host.Storage.ActivityQueue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None));

        // The same activity work item processed twice (a redelivery) sends TaskCompleted twice,
        // and a stray completion for the same task under another message id follows.
        await host.Engine.HandleAsync(QueueKind.Activity, activity.Id, activity.Body, 1, CancellationToken.None);
        await host.Engine.HandleAsync(QueueKind.Activity, activity.Id, activity.Body, 2, CancellationToken.None);
        await host.Storage.ActivityQueue.DeleteAsync(activity, CancellationToken.None);
        await host.Engine.SendToOrchestratorAsync(new OrchestratorMessage(id, null, new TaskCompleted(0, "99") { MessageId = "stray" }), CancellationToken.None);
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(12, status.ReadOutput<int>());
        var history = await host.HistoryAsync(id);
        Assert.Equal(2, history.OfType<TaskCompleted>().Count());
        Assert.Single(history.OfType<TaskCompleted>(), c => c.TaskId == 0);
    }

    [Fact]
    public async Task An_activity_that_throws_twice_then_succeeds_is_retried_per_policy()
    {
        // (d)
        var attempts = new ConcurrentQueue<DateTimeOffset>();
        var clock = new FakeTimeProvider(Start);
        await using var host = await HostAsync(
            r => r
                .AddActivity<string, string>("Flaky", (s, _) =>
                {
                    attempts.Enqueue(clock.GetUtcNow());
                    return attempts.Count < 3 ? throw new IOException("mail server down") : Task.FromResult("sent " + s);
                })
                .AddOrchestration<string, string>("Case", "1", async (ctx, s) =>
                    await ctx.CallActivityAsync<string>("Flaky", s, new RetryPolicy { MaxAttempts = 3, FirstDelay = TimeSpan.FromMinutes(1), BackoffFactor = 2 })),
            clock: clock);

        var id = await host.Client.StartAsync("Case", "receipt");
        await host.RunAsync();
        Assert.Single(attempts);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, attempts.Count);
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, attempts.Count); // second backoff is 2 minutes
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(3, attempts.Count);
        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, status.Status);
        Assert.Equal("sent receipt", status.ReadOutput<string>());
        Assert.Equal(2, (await host.HistoryAsync(id)).OfType<TaskFailed>().Count());
    }

    [Fact]
    public async Task An_activity_that_always_fails_fails_the_instance_after_the_last_attempt()
    {
        await using var host = await HostAsync(r => r
            .AddActivity<string, string>("Broken", (_, _) => throw new InvalidOperationException("template missing"))
            .AddOrchestration<string, string>("Case", "1", async (ctx, s) =>
                await ctx.CallActivityAsync<string>("Broken", s, new RetryPolicy { MaxAttempts = 2, FirstDelay = TimeSpan.FromSeconds(10) })));

        var id = await host.Client.StartAsync("Case", "x");
        await host.RunAsync();
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, status.Status);
        Assert.Contains("template missing", status.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_60_days_out_fires_exactly_once_after_the_clock_passes_it()
    {
        // (e)
        var fired = 0;
        await using var host = await HostAsync(r => r
            .AddActivity<string, int>("Escalate", (_, _) => Task.FromResult(Interlocked.Increment(ref fired)))
            .AddOrchestration<string, string>("Decision", "1", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(60), new DeadlineInfo { Kind = "decision", Citation = "UU 25/2009 art. 50(1)", RuleId = "P8" }).Task;
                await ctx.CallActivityAsync<int>("Escalate", "overdue");
                return "escalated";
            }));

        var id = await host.Client.StartAsync("Decision");
        await host.RunAsync();
        await host.AdvanceAsync(TimeSpan.FromDays(59));
        Assert.Equal(0, fired);
        Assert.Equal(OrchestrationStatus.Running, (await host.StatusAsync(id)).Status);

        await host.AdvanceAsync(TimeSpan.FromDays(1).Add(TimeSpan.FromSeconds(1)));
        await host.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Equal(1, fired);
        Assert.Equal("escalated", (await host.StatusAsync(id)).ReadOutput<string>());
        Assert.Single((await host.HistoryAsync(id)).OfType<TimerFired>());
        Assert.Empty(await host.AllIndexedTimersAsync());
    }

    [Fact]
    public async Task A_cancelled_timer_leaves_the_index_and_never_fires()
    {
        // (e) The cure arrives on day 10: the 30-day timer is cancelled and nothing fires on day 30.
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Cure", "1", async (ctx, _) =>
            {
                var outcome = await ctx.WaitForEventOrDeadlineAsync<string>("CureSubmitted", ctx.CurrentUtcDateTime.AddDays(30), CureWindow);
                if (outcome.TimedOut)
                {
                    return "deemed withdrawn";
                }

                await ctx.WaitForExternalEvent<string>("Close");
                return "cured: " + outcome.Event;
            }));

        var id = await host.Client.StartAsync("Cure");
        await host.RunAsync();
        Assert.Single(await host.AllIndexedTimersAsync());

        await host.AdvanceAsync(TimeSpan.FromDays(10));
        await host.Client.RaiseEventAsync(id, "CureSubmitted", "identity card");
        await host.RunAsync();
        Assert.Empty(await host.AllIndexedTimersAsync());

        await host.AdvanceAsync(TimeSpan.FromDays(40));
        await host.Client.RaiseEventAsync(id, "Close");
        await host.RunAsync();

        Assert.Equal("cured: identity card", (await host.StatusAsync(id)).ReadOutput<string>());
        var history = await host.HistoryAsync(id);
        Assert.Empty(history.OfType<TimerFired>());
        Assert.Single(history.OfType<TimerCancelled>());
    }

    [Fact]
    public async Task Waiting_for_any_of_several_events_leaves_no_stale_waiter_to_swallow_a_later_event()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
            {
                var first = await ctx.WaitForAnyEventAsync(["Complete", "Withdraw"], ctx.CurrentUtcDateTime.AddDays(14), CureWindow);
                var second = await ctx.WaitForAnyEventAsync(["Withdraw", "Decide"]);
                return $"{first!.Name}:{first.Read<string>()} then {second!.Name}:{second.Read<string>()}";
            }));

        var id = await host.Client.StartAsync("Case");
        await host.RunAsync();
        await host.Client.RaiseEventAsync(id, "Complete", "all items");
        await host.RunAsync();
        Assert.Empty(await host.AllIndexedTimersAsync());
        await host.Client.RaiseEventAsync(id, "Withdraw", "changed my mind");
        await host.RunAsync();

        Assert.Equal("Complete:all items then Withdraw:changed my mind", (await host.StatusAsync(id)).ReadOutput<string>());
    }

    [Fact]
    public async Task Waiting_for_any_event_returns_null_when_the_deadline_passes_first()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
                await ctx.WaitForAnyEventAsync(["Complete"], ctx.CurrentUtcDateTime.AddDays(14), CureWindow) is null ? "overdue" : "answered"));

        var id = await host.Client.StartAsync("Case");
        await host.RunAsync();
        await host.AdvanceAsync(TimeSpan.FromDays(15));

        Assert.Equal("overdue", (await host.StatusAsync(id)).ReadOutput<string>());
    }

    [Fact]
    public async Task Two_events_that_arrived_before_the_wait_are_both_kept_when_waiting_for_any()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
            {
                await ctx.WaitForExternalEvent<string>("Go");
                var first = await ctx.WaitForAnyEventAsync(["Complete", "Withdraw"]);
                var second = await ctx.WaitForAnyEventAsync(["Complete", "Withdraw"]);
                return $"{first!.Name}, {second!.Name}";
            }));

        var id = await host.Client.StartAsync("Case");
        await host.Client.RaiseEventAsync(id, "Complete");
        await host.Client.RaiseEventAsync(id, "Withdraw");
        await host.RunAsync();
        await host.Client.RaiseEventAsync(id, "Go");
        await host.RunAsync();

        Assert.Equal("Complete, Withdraw", (await host.StatusAsync(id)).ReadOutput<string>());
    }

    [Fact]
    public async Task Two_events_that_arrived_before_a_wait_on_events_or_timers_are_both_kept()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
            {
                var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CureWindow);
                await ctx.WaitForExternalEvent<string>("Go");
                var first = await ctx.WaitForAnyEventOrTimerAsync(["Complete", "Withdraw"], [deadline]);
                var second = await ctx.WaitForAnyEventOrTimerAsync(["Complete", "Withdraw"], [deadline]);
                deadline.Cancel();
                return $"{first.Event!.Name}, {second.Event!.Name}";
            }));

        var id = await host.Client.StartAsync("Case");
        await host.Client.RaiseEventAsync(id, "Complete");
        await host.Client.RaiseEventAsync(id, "Withdraw");
        await host.RunAsync();
        await host.Client.RaiseEventAsync(id, "Go");
        await host.RunAsync();

        Assert.Equal("Complete, Withdraw", (await host.StatusAsync(id)).ReadOutput<string>());
        Assert.Empty(await host.AllIndexedTimersAsync());
    }

    [Theory]
    [InlineData(true, "expired")]
    [InlineData(false, "cured")]
    public async Task A_deadline_that_fired_before_a_late_event_arrived_wins_even_when_both_wait(bool eventAfterDeadline, string expected)
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
            {
                var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CureWindow);
                await ctx.WaitForExternalEvent<string>("Busy"); // the code is elsewhere while both happen
                var first = await ctx.WaitForAnyEventOrTimerAsync(["Cure"], [deadline]);
                return first.Timer is not null ? "expired" : "cured";
            }));
        var id = await host.Client.StartAsync("Case");
        await host.RunAsync();

        if (eventAfterDeadline)
        {
            await host.AdvanceAsync(TimeSpan.FromDays(2));
            await host.Client.RaiseEventAsync(id, "Cure");
        }
        else
        {
            await host.Client.RaiseEventAsync(id, "Cure");
            await host.RunAsync();
            await host.AdvanceAsync(TimeSpan.FromDays(2));
        }

        await host.Client.RaiseEventAsync(id, "Busy");
        await host.RunAsync();

        Assert.Equal(expected, (await host.StatusAsync(id)).ReadOutput<string>());
    }

    [Fact]
    public async Task An_event_redelivered_after_continue_as_new_is_not_applied_again()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<int, int>("Counter", "1", async (ctx, n) =>
            {
                ctx.SetCustomStatus(new { count = n });
                await ctx.WaitForExternalEvent<string>("Add");
                ctx.ContinueAsNew(n + 1);
                return n;
            }));
        var id = await host.Client.StartAsync("Counter", 0);
        await host.RunAsync();

        // The host applies the event, then dies before deleting the message: it is delivered again later.
        await host.Client.RaiseEventAsync(id, "Add");
        var delivery = Assert.Single(await host.Storage.OrchestratorQueue.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None));
        await host.Engine.HandleAsync(QueueKind.Orchestrator, delivery.Id, delivery.Body, delivery.DequeueCount, CancellationToken.None);
        await host.Storage.OrchestratorQueue.AbandonAsync(delivery, TimeSpan.Zero, CancellationToken.None);
        await host.RunAsync();

        Assert.Equal(1, (await host.StatusAsync(id)).ReadCustomStatus<CountStatus>()!.Count);
    }

    [Fact]
    public async Task A_version_no_longer_registered_leaves_the_instance_running_and_poisons_the_message()
    {
        var clock = new FakeTimeProvider(Start);
        var storage = await Factory.CreateAsync(clock);
        await using (var before = await HostAsync(r => r.AddOrchestration<string, string>("Case", "1", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Decide") ?? string.Empty), storage, clock))
        {
            await before.Client.StartAsync("Case", instanceId: "old");
            await before.RunAsync();
        }

        // A bad deploy dropped v1 while a case still runs on it.
        await using var after = await HostAsync(
            r => r.AddOrchestration<string, string>("Case", "2", (_, _) => Task.FromResult<string?>("v2")), storage, clock, o => o.RetryBackoff = TimeSpan.Zero);
        await after.Client.RaiseEventAsync("old", "Decide", "granted");
        await after.RunAsync();

        var status = await after.StatusAsync("old");
        Assert.Equal(OrchestrationStatus.Running, status.Status);
        Assert.Contains("v1 is not registered", status.Poison!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_dies_after_creating_an_instance_is_recovered_by_the_outbox_sweeper_alone()
    {
        var clock = new FakeTimeProvider(Start);
        var storage = await Factory.CreateAsync(clock);
        var dying = new DyingQueue(storage.OrchestratorQueue);
        await using var host = await HostAsync(r => r.AddOrchestration<int, int>("Case", "1", (_, x) => Task.FromResult(x + 1)), storage with { OrchestratorQueue = dying }, clock);

        dying.DieOnNextSend = true;
        await Assert.ThrowsAsync<IOException>(() => host.Client.StartAsync("Case", 41, instanceId: "orphan"));
        await host.RunAsync();
        Assert.Equal(OrchestrationStatus.Pending, (await host.StatusAsync("orphan")).Status);

        // No message exists for this instance: only the sweeper can finish the start.
        await host.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(42, (await host.StatusAsync("orphan")).ReadOutput<int>());
    }

    [Fact]
    public async Task A_failing_message_near_the_queue_size_limit_still_reaches_the_poison_queue()
    {
        await using var host = await HostAsync(r => r.AddOrchestration<string, string>("Case", "1", (_, s) => Task.FromResult(s)), configure: o => o.RetryBackoff = TimeSpan.Zero);

        // An event for an instance that does not exist, with a payload just under the inline message limit.
        var payload = new string('x', 40 * 1024);
        await host.Engine.SendToOrchestratorAsync(new OrchestratorMessage("ghost", null, new EventRaised("Evidence", DurableJson.Serialize(payload)) { MessageId = "m1" }), CancellationToken.None);
        await host.RunAsync();

        var poisoned = Assert.Single(await host.Storage.OrchestratorPoisonQueue.ReceiveAsync(32, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.Contains("ghost", poisoned.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_timer_raced_across_several_waits_fires_once_and_no_event_is_swallowed()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
            {
                var cure = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CureWindow);
                var reminder = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(23));
                var timers = new List<DurableTimer> { reminder, cure };
                var seen = new List<string>();
                while (true)
                {
                    var next = await ctx.WaitForAnyEventOrTimerAsync(["Note", "Cure"], timers);
                    if (next.Timer == reminder)
                    {
                        // A fired timer stays completed: the caller drops it from what it waits on.
                        timers.Remove(reminder);
                        seen.Add("reminder");
                    }
                    else if (next.Timer == cure)
                    {
                        seen.Add("expired");
                        return string.Join(",", seen);
                    }
                    else if (next.Event!.Name == "Note")
                    {
                        seen.Add("note:" + next.Event.Read<string>());
                    }
                    else
                    {
                        cure.Cancel();
                        seen.Add("cured");
                        return string.Join(",", seen);
                    }
                }
            }));

        var expires = await host.Client.StartAsync("Case", instanceId: "expires");
        var cured = await host.Client.StartAsync("Case", instanceId: "cured");
        await host.RunAsync();
        await host.Client.RaiseEventAsync(expires, "Note", "a");
        await host.Client.RaiseEventAsync(cured, "Note", "b");
        await host.AdvanceAsync(TimeSpan.FromDays(24));
        await host.Client.RaiseEventAsync(cured, "Cure");
        await host.RunAsync();
        await host.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal("note:a,reminder,expired", (await host.StatusAsync(expires)).ReadOutput<string>());
        Assert.Equal("note:b,reminder,cured", (await host.StatusAsync(cured)).ReadOutput<string>());
        Assert.Empty(await host.AllIndexedTimersAsync());
    }

    [Fact]
    public async Task Nondeterministic_orchestrator_code_fails_the_instance_naming_both_sides()
    {
        // (f) The code scheduled 'CheckCompleteness' when the history was written; after a bad change it schedules 'RouteCase'.
        var changed = false;
        await using var host = await HostAsync(r => r
            .AddActivity<string, string>("CheckCompleteness", (s, _) => Task.FromResult(s!))
            .AddActivity<string, string>("RouteCase", (s, _) => Task.FromResult(s!))
            .AddOrchestration<string, string>("Case", "1", async (ctx, s) =>
            {
                var first = await ctx.CallActivityAsync<string>(changed ? "RouteCase" : "CheckCompleteness", s);
                await ctx.WaitForExternalEvent<string>("Next");
                return first!;
            }));

        var id = await host.Client.StartAsync("Case", "file");
        await host.RunAsync();
        changed = true;
        await host.Client.RaiseEventAsync(id, "Next");
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, status.Status);
        Assert.Equal(typeof(NonDeterminismException).FullName, status.Failure!.ErrorType);
        Assert.Contains("'CheckCompleteness'", status.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("'RouteCase'", status.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orchestrator_code_awaiting_a_real_delay_fails_loudly_instead_of_hanging()
    {
        await using var host = await HostAsync(r => r
            .AddOrchestration<string, string>("Case", "1", async (ctx, _) =>
            {
                await Task.Delay(TimeSpan.FromHours(1));
                return "never";
            }));

        var id = await host.Client.StartAsync("Case");
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Failed, status.Status);
        Assert.Contains("outside the durable context", status.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_over_64_KiB_round_trips_through_a_blob_reference()
    {
        // (g)
        var big = string.Concat(Enumerable.Repeat("bukti-pengaduan ", 100 * 1024 / 16 + 1));
        var clock = new FakeTimeProvider(Start);
        var storage = await Factory.CreateAsync(clock);
        await using var host = await HostAsync(
            r => r
                .AddActivity<string, string>("Echo", (s, _) => Task.FromResult(s!))
                .AddOrchestration<string, string>("Case", "1", async (ctx, s) =>
                {
                    ctx.SetCustomStatus(new { evidence = s });
                    return await ctx.CallActivityAsync<string>("Echo", s);
                }),
            storage,
            clock);

        var id = await host.Client.StartAsync("Case", big);
        await host.RunAsync();

        var status = await host.StatusAsync(id);
        Assert.Equal(OrchestrationStatus.Completed, status.Status);
        Assert.Equal(big, status.ReadOutput<string>());
        Assert.Equal(big, status.Input is null ? null : DurableJson.Deserialize<string>(status.Input));
        Assert.True(await Factory.CountPayloadsAsync(storage) > 0, "no payload went to the payload store");
    }

    [Fact]
    public async Task An_instance_started_on_version_1_keeps_running_on_version_1_after_version_2_is_registered()
    {
        // (h) A deploy registers v2 beside v1; the running case finishes on v1 and new cases take v2.
        var clock = new FakeTimeProvider(Start);
        var storage = await Factory.CreateAsync(clock);
        static OrchestratorFunction Version(string tag) => async (ctx, _) =>
        {
            await ctx.WaitForExternalEvent<string>("Decide");
            return DurableJson.Serialize(tag);
        };

        await using (var before = await HostAsync(r => r.AddOrchestration("Case", "1", Version("v1")), storage, clock))
        {
            await before.Client.StartAsync("Case", instanceId: "old");
            await before.RunAsync();
        }

        await using var after = await HostAsync(r => r.AddOrchestration("Case", "1", Version("v1")).AddOrchestration("Case", "2", Version("v2")), storage, clock);
        await after.Client.StartAsync("Case", instanceId: "new");
        await after.Client.RaiseEventAsync("old", "Decide");
        await after.Client.RaiseEventAsync("new", "Decide");
        await after.RunAsync();

        Assert.Equal(("1", "v1"), ((await after.StatusAsync("old")).Version, (await after.StatusAsync("old")).ReadOutput<string>()));
        Assert.Equal(("2", "v2"), ((await after.StatusAsync("new")).Version, (await after.StatusAsync("new")).ReadOutput<string>()));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_poison_queue_and_the_instance_shows_it()
    {
        // Redelivered at once (no backoff) so the test needs no clock: real queues keep real time.
        await using var host = await HostAsync(
            r => r.AddOrchestration<string, string>("Case", "1", async (ctx, _) => await ctx.WaitForExternalEvent<string>("Never") ?? string.Empty),
            configure: o => o.RetryBackoff = TimeSpan.Zero);
        var id = await host.Client.StartAsync("Case");
        await host.RunAsync();

        // A message whose payload reference points at nothing can never be read.
        await host.Storage.OrchestratorQueue.SendAsync($$"""{"payloadRef":"messages/{{id}}/missing.json","instanceId":"{{id}}"}""", CancellationToken.None);
        await host.RunAsync();

        var poison = await host.Storage.OrchestratorPoisonQueue.ReceiveAsync(32, TimeSpan.FromMinutes(1), CancellationToken.None);
        var record = Assert.Single(poison);
        Assert.Contains("missing.json", record.Body, StringComparison.Ordinal);
        var status = await host.StatusAsync(id);
        Assert.NotNull(status.Poison);
        Assert.Equal(5, status.Poison.DequeueCount);
        Assert.Equal(OrchestrationStatus.Running, status.Status);
        Assert.Empty(await host.Storage.OrchestratorQueue.ReceiveAsync(32, TimeSpan.Zero, CancellationToken.None));
    }

    private sealed record CountStatus(int Count);

    private static List<string> Normalize(IEnumerable<HistoryEvent> history) =>
        history.Where(e => e is not OrchestratorStarted)
            .Select(e => e with { MessageId = null })
            .Select(e => e is ExecutionStarted s ? $"ExecutionStarted {s.Name} {s.Input}" : e.ToString())
            .ToList();
}

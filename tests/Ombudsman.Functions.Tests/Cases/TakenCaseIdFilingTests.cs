using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>A generated case id that is already a case's is never shared: filing draws another, and the existing case is untouched.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TakenCaseIdFilingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_generated_id_that_is_taken_is_replaced_by_a_fresh_one_and_the_existing_case_keeps_its_complainant()
    {
        var ids = new TakenIdsFirst();
        await using var app = await StartWithAsync(ids);
        var existing = await FileAsync(app, Filing());
        var before = await TrackAsync(app, existing.Token);
        ids.Taken.Enqueue(existing.CaseId);

        var other = Filing();
        other["complainant"]!["name"] = "Budi Santoso";
        var filed = await FileAsync(app, other);
        var (foreign, _) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{existing.CaseId}/receipt", filed.Token);
        var (own, receipt) = await SendAsync(app, HttpMethod.Get, $"/api/complaints/{existing.CaseId}/receipt", existing.Token);

        Assert.Empty(ids.Taken);
        Assert.NotEqual(existing.CaseId, filed.CaseId);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal("Siti Rahmawati", receipt.GetProperty("complainant").GetProperty("name").GetString());
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), (await TrackAsync(app, existing.Token)).GetProperty("timeline").GetArrayLength());
        var snapshot = await SnapshotAsync(app);
        Assert.Equal(2, snapshot.Instances);
        Assert.Equal(4, snapshot.AccessTokenRows); // two tokens, each a row and an index row: none left of the refused draw
    }

    [Fact]
    public async Task When_every_draw_is_taken_filing_is_refused_with_case_id_taken_and_leaves_no_token()
    {
        var ids = new TakenIdsFirst();
        await using var app = await StartWithAsync(ids);
        var existing = await FileAsync(app, Filing());
        for (var i = 0; i < 3; i++)
        {
            ids.Taken.Enqueue(existing.CaseId);
        }

        var before = await SnapshotAsync(app);
        var (status, problem) = await SendAsync(app, HttpMethod.Post, "/api/complaints", null, Filing());

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(CaseIdTakenException.ProblemCode, problem.GetProperty("code").GetString());
        Assert.Equal(before, await SnapshotAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(app, HttpMethod.Get, "/api/track", existing.Token)).Status);
    }

    private Task<TestApp> StartWithAsync(TakenIdsFirst ids) =>
        TestApp.StartAsync(
            azurite,
            ["Clock:Mode=Manual", $"Clock:Start={Start:O}"],
            configureServices: s =>
            {
                s.AddSingleton<ICaseNotifier>(new RecordingCaseNotifier());
                s.AddSingleton<CaseIdSource>(ids);
            });

    /// <summary>Hands out the queued (taken) ids first, as if the random draw had hit them, then fresh ones.</summary>
    private sealed class TakenIdsFirst : CaseIdSource
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Taken { get; } = new();

        public override string Next(RegionalOffice office, DateTimeOffset filedAt) =>
            Taken.TryDequeue(out var id) ? id : base.Next(office, filedAt);
    }
}

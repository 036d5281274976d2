using System.Net;
using System.Text.Json.Nodes;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;

namespace Ombudsman.Functions.Tests.Cases;

/// <summary>The complainant's actions on a case with the tracking token: cure (UU 25/2009 art. 45(2)) and withdrawal; wrong-stage actions are refused and change nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ComplainantActionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_cure_before_the_file_is_found_incomplete_is_refused_as_wrong_stage_and_changes_nothing()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());
        var before = await UntilDeadlineAsync(app, filed.Token, "P5");

        var (status, problem) = await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/cure", filed.Token, new JsonObject { ["note"] = "bukti" });
        var after = await TrackAsync(app, filed.Token);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("action-not-valid-in-stage", problem.GetProperty("code").GetString());
        Assert.Equal("stage", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(before.GetProperty("timeline").GetArrayLength(), after.GetProperty("timeline").GetArrayLength());
        Assert.Equal("completenessCheck", after.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_cure_with_text_and_uploaded_files_completes_the_file()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await StaffAsync(app, filed.CaseId, CaseEvents.FileIncomplete, new CaseAction { Actor = OfficeStaff, MissingItems = ["bukti pembayaran"] });
        await UntilStageAsync(app, filed.Token, CaseStage.CureWindow);
        var (_, upload) = await UploadAsync(app, filed.CaseId, filed.Token, "bukti-bayar-01", "bukti.pdf", Files.Pdf());
        var proof = upload.GetProperty("evidenceId").GetString();

        var (unknown, problem) = await SendAsync(
            app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/cure", filed.Token, new JsonObject { ["evidenceIds"] = new JsonArray(proof, "missing-file") });
        var (status, _) = await SendAsync(
            app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/cure", filed.Token,
            new JsonObject { ["note"] = "Bukti pembayaran terlampir.", ["evidenceIds"] = new JsonArray(proof) });
        var examined = await UntilStageAsync(app, filed.Token, CaseStage.Examination);

        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("evidenceIds[1]", error.GetProperty("field").GetString());
        Assert.Equal("evidence-not-found", error.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Contains(examined.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("actor").GetString() == "complainant" && e.GetProperty("what").GetString()!.Contains(proof!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_complainant_withdraws_with_a_reason_and_the_case_closes()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filed = await FileAsync(app, Filing());
        await UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);

        var (noReason, problem) = await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, new JsonObject());
        var (status, _) = await SendAsync(app, HttpMethod.Post, $"/api/complaints/{filed.CaseId}/withdraw", filed.Token, new JsonObject { ["reason"] = "Sudah diselesaikan." });
        var closed = await UntilStageAsync(app, filed.Token, CaseStage.Closed);

        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Equal("reason", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("withdrawn", closed.GetProperty("closedReason").GetString());
    }
}

namespace Ombudsman.Infra.Tests;

/// <summary>The example parameter files compile against main.bicep, one per hosting plan.</summary>
public sealed class ParameterFileTests
{
    [Theory]
    [InlineData("main.bicepparam", "FC1")]
    [InlineData("main.ep1.bicepparam", "EP1")]
    public async Task Example_parameter_file_is_valid_for_its_hosting_plan(string file, string expectedPlan)
    {
        using var parameters = await BicepCli.BuildParamsAsync(Path.Combine(CompiledTemplates.BicepDirectory, file), CancellationToken.None);

        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal(expectedPlan, values.GetProperty("hostingPlan").GetProperty("value").GetString());
        Assert.False(values.TryGetProperty("sendGridApiKey", out _), "the SendGrid key belongs in Key Vault, not in a parameter file");
        var offices = values.GetProperty("offices").GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(offices);
        Assert.All(offices, office =>
        {
            Assert.Contains(office.GetProperty("timeZone").GetString(), new[] { "WIB", "WITA", "WIT" });
            Assert.Contains('@', office.GetProperty("staffEmail").GetString()!);
            Assert.StartsWith("https://", office.GetProperty("dashboardLink").GetString(), StringComparison.Ordinal);
        });
    }
}

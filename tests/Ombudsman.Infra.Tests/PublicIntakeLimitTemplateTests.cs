using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ombudsman.Testing;

namespace Ombudsman.Infra.Tests;

/// <summary>
/// The public-intake rate limit is counted per instance, so what protects intake across instances is the instance
/// cap: Bicep sets both, on the property that applies to each plan, and the docs state their product.
/// </summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed partial class PublicIntakeLimitTemplateTests(CompiledTemplates templates)
{
    [GeneratedRegex(@"public int (\w+) \{ get; set; \} = (\d+);")]
    private static partial Regex OptionDefault();

    [Theory]
    [InlineData("flexApp")]
    [InlineData("premiumApp")]
    public void Both_plans_receive_the_per_instance_limit_from_parameters(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal("[string(parameters('publicIntakePermitLimit'))]", settings["RateLimiting__PublicIntake__PermitLimit"]);
        Assert.Equal("[string(parameters('publicIntakeWindowSeconds'))]", settings["RateLimiting__PublicIntake__WindowSeconds"]);
    }

    [Fact]
    public void Flex_caps_instances_with_scale_and_concurrency_maximum_instance_count_from_a_parameter()
    {
        var scale = templates.Module("flexApp").SingleResourceOfType("Microsoft.Web/sites")
            .GetProperty("properties").GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");

        Assert.Equal("[parameters('maximumInstanceCount')]", scale.GetProperty("maximumInstanceCount").GetString());
        Assert.Equal("[parameters('flexMaximumInstanceCount')]", templates.ModuleParameter("flexApp", "maximumInstanceCount").GetString());
        // functionAppScaleLimit belongs to the Consumption plan; on Flex it would be ignored.
        Assert.DoesNotContain("functionAppScaleLimit", templates.Module("flexApp").Root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Premium_caps_instances_with_the_plan_maximum_elastic_worker_count_from_a_parameter()
    {
        var plan = templates.Module("premiumApp").SingleResourceOfType("Microsoft.Web/serverfarms");

        Assert.Equal("[parameters('maximumElasticWorkerCount')]", plan.GetProperty("properties").GetProperty("maximumElasticWorkerCount").GetString());
        Assert.Equal("[parameters('premiumMaximumWorkerCount')]", templates.ModuleParameter("premiumApp", "maximumElasticWorkerCount").GetString());
    }

    [Fact]
    public void The_deployment_outputs_the_effective_limit_as_the_per_instance_limit_times_the_instance_cap()
    {
        var output = templates.Main.Root.GetProperty("outputs").GetProperty("publicIntakeLimit").GetProperty("value");

        Assert.Equal("[if(variables('isFlex'), parameters('flexMaximumInstanceCount'), parameters('premiumMaximumWorkerCount'))]", templates.Main.Variable("maximumInstances").GetString());
        Assert.Equal("[mul(parameters('publicIntakePermitLimit'), variables('maximumInstances'))]", output.GetProperty("effectivePermitLimit").GetString());
        Assert.Equal("[parameters('publicIntakeWindowSeconds')]", output.GetProperty("windowSeconds").GetString());
    }

    [Fact]
    public void Bicep_defaults_are_the_app_defaults_and_the_docs_state_their_effective_limit_on_each_plan()
    {
        var app = OptionDefault().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Functions", "RateLimiting", "PublicIntakeLimitOptions.cs")))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var permit = Default("publicIntakePermitLimit");
        var window = Default("publicIntakeWindowSeconds");
        var flex = Default("flexMaximumInstanceCount");
        var premium = Default("premiumMaximumWorkerCount");
        var api = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "API.md"));
        var deploy = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "DEPLOY.md"));

        Assert.Equal((app["PermitLimit"], app["WindowSeconds"]), (permit, window));
        foreach (var doc in new[] { api, deploy })
        {
            Assert.Contains($"{permit} × {flex} = {permit * flex} requests per {window} s", doc, StringComparison.Ordinal);
            Assert.Contains($"{permit} × {premium} = {permit * premium} requests per {window} s", doc, StringComparison.Ordinal);
        }
    }

    private int Default(string parameter) => templates.Main.Parameter(parameter).GetProperty("defaultValue").GetInt32();
}

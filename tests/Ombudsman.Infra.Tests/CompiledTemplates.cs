using System.Text.Json;
using Ombudsman.Testing;

namespace Ombudsman.Infra.Tests;

/// <summary>
/// infra/bicep/main.bicep compiled once per test run. Both hosting plans live in the one template (each plan is
/// a conditional module), so one build covers FC1 and EP1.
/// </summary>
public sealed class CompiledTemplates : IAsyncLifetime
{
    private JsonDocument? _main;

    public static string BicepDirectory { get; } = Path.Combine(RepositoryRoot.Path, "infra", "bicep");

    /// <summary>The compiled main template.</summary>
    public ArmTemplate Main => new((_main ?? throw new InvalidOperationException("not compiled yet")).RootElement);

    /// <summary>The template of one of main's modules, by its symbolic name in main.bicep.</summary>
    public ArmTemplate Module(string symbolicName) => new(ModuleDeployment(symbolicName).GetProperty("properties").GetProperty("template"));

    /// <summary>The Microsoft.Resources/deployments resource main.bicep declares for a module.</summary>
    public JsonElement ModuleDeployment(string symbolicName) => Main.Resource(symbolicName);

    /// <summary>The value main.bicep passes to a module's parameter.</summary>
    public JsonElement ModuleParameter(string symbolicName, string parameter) =>
        ModuleDeployment(symbolicName).GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value");

    public async Task InitializeAsync() =>
        _main = await BicepCli.BuildAsync(Path.Combine(BicepDirectory, "main.bicep"), CancellationToken.None);

    public Task DisposeAsync()
    {
        _main?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Tests in this collection share one compiled template.</summary>
[CollectionDefinition(Name)]
public sealed class CompiledTemplatesCollection : ICollectionFixture<CompiledTemplates>
{
    public const string Name = "Compiled Bicep templates";
}

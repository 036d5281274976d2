using Ombudsman.Testing;

namespace Ombudsman.Workflows.Tests;

/// <summary>Tests in this collection share one Azurite process (xunit needs the definition in the test assembly).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

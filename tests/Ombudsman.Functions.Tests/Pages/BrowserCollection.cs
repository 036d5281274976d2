using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>The browser tests: one Azurite and one chromium for the collection, the app per test.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AzuriteFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}

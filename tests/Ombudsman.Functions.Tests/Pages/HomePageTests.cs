using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task The_front_page_is_in_Bahasa_Indonesia_and_switches_to_English_and_back_for_the_rest_of_the_visit()
    {
        await using var app = await TestApp.StartAsync(azurite);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;

        var first = await page.GotoAsync("/");
        Assert.Equal("id", await first!.HeaderValueAsync("content-language"));
        Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sampaikan pengaduan tentang pelayanan publik");
        await PageChecks.CheckAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Complain about a public service");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        // Kept for the visit: a page opened afterwards without ?lang is in English too.
        var later = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, later!.Status);
        Assert.Equal("en", await later.HeaderValueAsync("content-language"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await PageChecks.CheckAsync(page, "not-found");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bahasa Indonesia" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Halaman tidak ditemukan");
    }
}

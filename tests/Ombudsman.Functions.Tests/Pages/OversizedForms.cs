using Ombudsman.Web;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>A page form with its form token, one text field and one file of a given size, to send over a form's limit.</summary>
internal static class OversizedForms
{
    /// <summary>
    /// The form, buffered so that it goes with a Content-Length: a chunked body over the limit makes Kestrel answer
    /// and close the connection while the client is still sending, so the client may never read the page.
    /// </summary>
    public static async Task<MultipartFormDataContent> CreateAsync(string formToken, string textField, string text, string fileField, string fileName, long fileBytes)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(formToken), PageContext.FormTokenField },
            { new StringContent(text), textField },
            { new ByteArrayContent(new byte[fileBytes]), fileField, fileName },
        };
        await form.LoadIntoBufferAsync();
        Assert.NotNull(form.Headers.ContentLength);
        return form;
    }
}

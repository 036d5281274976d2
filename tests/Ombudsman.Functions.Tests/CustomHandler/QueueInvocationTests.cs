using System.Text;
using System.Text.Json;
using Ombudsman.Functions.CustomHandler;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.Tests.CustomHandler;

/// <summary>Reading the host's queue-trigger payload, however the message text arrives.</summary>
public sealed class QueueInvocationTests
{
    private const string Message = "{\"instanceId\":\"case-1\",\"event\":{\"type\":\"x\"}}";

    public static TheoryData<string> Encodings => new()
    {
        Message,
        JsonSerializer.Serialize(Message),
        JsonSerializer.Serialize(JsonSerializer.Serialize(Message)),
        JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(Message))),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_message_is_unwrapped_from_an_object_a_quoted_string_or_undecoded_Base64(string messageJson)
    {
        using var payload = JsonDocument.Parse($"{{\"Data\":{{\"message\":{messageJson}}},\"Metadata\":{{\"Id\":\"abc\",\"DequeueCount\":3}}}}");

        var invocation = QueueInvocation.Parse(payload.RootElement);

        using var body = JsonDocument.Parse(invocation.Body);
        Assert.Equal("case-1", body.RootElement.GetProperty("instanceId").GetString());
        Assert.Equal("abc", invocation.MessageId);
        Assert.Equal(3, invocation.DequeueCount);
    }

    [Fact]
    public void Metadata_given_as_quoted_strings_is_read_too()
    {
        using var payload = JsonDocument.Parse("{\"Data\":{\"msg\":\"{}\"},\"Metadata\":{\"Id\":\"\\\"q-1\\\"\",\"DequeueCount\":\"7\"}}");

        var invocation = QueueInvocation.Parse(payload.RootElement);

        Assert.Equal("q-1", invocation.MessageId);
        Assert.Equal(7, invocation.DequeueCount);
        Assert.Equal("{}", invocation.Body);
    }

    [Fact]
    public void A_payload_without_a_message_is_refused_with_the_field_at_fault()
    {
        using var payload = JsonDocument.Parse("{\"Data\":{},\"Metadata\":{}}");

        var error = Assert.Throws<DomainException>(() => QueueInvocation.Parse(payload.RootElement));

        Assert.Equal("invalid-invocation", error.Code);
        Assert.Equal("Data.message", error.Field);
    }
}


namespace Ombudsman.Functions.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public void Program_type_is_visible_to_the_tests() => Assert.Equal("Program", typeof(Program).Name);
}

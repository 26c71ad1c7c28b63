using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Errors;

namespace LangGraph.Sdk.Tests.Errors;

public class RunErrorsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Theory]
    [InlineData("{\"error\":\"CustomError\",\"message\":\"Boo!\"}", "CustomError", "Boo!")]
    [InlineData("{\"error\":\"Error\",\"message\":\"{\\\"error\\\":\\\"CustomError\\\",\\\"message\\\":\\\"Boo!\\\"}\"}", "CustomError", "Boo!")]
    [InlineData("{\"error\":\"Error\",\"message\":\"{not json\"}", "Error", "{not json")]
    [InlineData("{\"error\":\"Error\",\"message\":\"{\\\"x\\\":1}\"}", "Error", "{\"x\":1}")]
    [InlineData("{\"message\":\"only a message\"}", "Error", "only a message")]
    [InlineData("\"plain text\"", "Error", "plain text")]
    public void Error_payloads_give_the_graphs_error_name_and_message(string json, string name, string message)
    {
        var ex = RunErrors.FromError(Json(json), "r1", "t1");

        ex.ErrorName.Should().Be(name);
        ex.ErrorMessage.Should().Be(message);
        ex.RunId.Should().Be("r1");
        ex.ThreadId.Should().Be("t1");
        ex.Message.Should().Be($"Run r1 failed: {name}: {message}");
    }

    [Theory]
    [InlineData("{\"messages\":[]}")]
    [InlineData("{\"__error__\":null}")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public void Results_without_an_error_give_none(string json) =>
        RunErrors.FromResult(Json(json), null, null).Should().BeNull();

    [Fact]
    public void A_result_with_an_error_gives_the_exception()
    {
        var ex = RunErrors.FromResult(Json("{\"__error__\":{\"error\":\"ValueError\",\"message\":\"bad\"}}"), null, null);

        ex!.Message.Should().Be("The run failed: ValueError: bad");
    }
}

using System;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.Errors;

public class ExceptionTypesTests
{
    [Fact]
    public void The_hierarchy_lets_callers_branch_by_status()
    {
        new LangGraphNotFoundException().Should().BeAssignableTo<LangGraphApiException>().And.BeAssignableTo<LangGraphException>();
        new LangGraphConflictException().Should().BeAssignableTo<LangGraphApiException>();
        new LangGraphApiException().Should().BeAssignableTo<LangGraphException>();
        new LangGraphException().Should().BeAssignableTo<Exception>();
    }

    [Fact]
    public void The_status_constructors_fill_every_property()
    {
        var notFound = new LangGraphNotFoundException("m", "d", "b", "r");
        var conflict = new LangGraphConflictException("m", "d", "b", "r");
        var api = new LangGraphApiException("m", 418, "d", "b", "r");

        notFound.StatusCode.Should().Be(404);
        conflict.StatusCode.Should().Be(409);
        api.StatusCode.Should().Be(418);
        foreach (var ex in new LangGraphApiException[] { notFound, conflict, api })
        {
            ex.Message.Should().Be("m");
            ex.Detail.Should().Be("d");
            ex.ResponseBody.Should().Be("b");
            ex.RequestId.Should().Be("r");
        }
    }

    [Fact]
    public void The_standard_constructors_work()
    {
        var inner = new InvalidOperationException("inner");

        new LangGraphException().Message.Should().NotBeNullOrEmpty();
        new LangGraphException("m", inner).InnerException.Should().BeSameAs(inner);
        new LangGraphApiException("m").StatusCode.Should().Be(0);
        new LangGraphApiException("m", inner).InnerException.Should().BeSameAs(inner);
        new LangGraphNotFoundException("m").Message.Should().Be("m");
        new LangGraphNotFoundException("m", inner).InnerException.Should().BeSameAs(inner);
        new LangGraphConflictException("m").Message.Should().Be("m");
        new LangGraphConflictException("m", inner).InnerException.Should().BeSameAs(inner);
    }
}

using System;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests.Types;

public sealed class AuthContextTests
{
    [Fact]
    public void Carries_user_permissions_resource_action_and_the_event_name()
    {
        var user = new MinimalUserDict("alice") { Permissions = ["p"] };
        var permissions = new[] { "p" };

        var ctx = new AuthContext(user, permissions, "threads", "create_run");

        ctx.User.Should().BeSameAs(user);
        ctx.Permissions.Should().BeSameAs(permissions);
        ctx.Resource.Should().Be("threads");
        ctx.Action.Should().Be("create_run");
        ctx.Event.Should().Be("threads:create_run");
        ctx.ToString().Should().Be("threads:create_run for alice");
    }

    [Fact]
    public void Equality_is_by_user_permissions_resource_and_action()
    {
        var user = new MinimalUserDict("alice");
        var permissions = Array.Empty<string>();
        var a = new AuthContext(user, permissions, "threads", "read");
        var b = new AuthContext(user, permissions, "threads", "read");
        var c = new AuthContext(user, permissions, "threads", "update");

        (a == b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        (a != c).Should().BeTrue();
    }

    [Fact]
    public void Rejects_null_arguments()
    {
        var user = new MinimalUserDict("alice");
        FluentActions.Invoking(() => new AuthContext(null!, [], "threads", "read")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new AuthContext(user, null!, "threads", "read")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new AuthContext(user, [], null!, "read")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new AuthContext(user, [], "threads", null!)).Should().Throw<ArgumentNullException>();
    }
}

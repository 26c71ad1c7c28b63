using System.Linq;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests.Types;

public sealed class StudioUserTests
{
    [Fact]
    public void Identity_and_display_name_are_the_username_and_permissions_follow_Python()
    {
        var anonymous = new StudioUser("studio");
        var authenticated = new StudioUser("studio", isAuthenticated: true);

        anonymous.Identity.Should().Be("studio");
        anonymous.DisplayName.Should().Be("studio");
        anonymous.IsAuthenticated.Should().BeFalse("Python's default");
        anonymous.Permissions.Should().BeEmpty();
        authenticated.Permissions.Should().Equal("authenticated");
        new StudioUser("s", true, ["custom"]).Permissions.Should().Equal("custom");
    }

    [Fact]
    public void The_JS_dev_server_studio_user_is_authenticated_with_no_permissions_and_kind_StudioUser()
    {
        var user = StudioUser.LangGraphStudio;

        AuthConfigurable.UserToJson(user).ToJsonString().Should().Be(
            """{"identity":"langgraph-studio-user","display_name":"langgraph-studio-user","is_authenticated":true,"permissions":[],"kind":"StudioUser"}""");
        user.Keys.Should().Equal("identity", "display_name", "is_authenticated", "permissions", "kind");
        user.ContainsKey("kind").Should().BeTrue();
        user.ContainsKey("other").Should().BeFalse();
        user["other"].Should().BeNull();
        user["identity"]!.GetValue<string>().Should().Be("langgraph-studio-user");
        user["permissions"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public void IsStudioUser_accepts_a_StudioUser_or_any_user_whose_kind_is_StudioUser()
    {
        Auth.IsStudioUser(new StudioUser("s")).Should().BeTrue();
        Auth.IsStudioUser(StudioUser.LangGraphStudio).Should().BeTrue();
        Auth.IsStudioUser(new MinimalUserDict("x") { ["kind"] = "StudioUser" }).Should().BeTrue();

        Auth.IsStudioUser(new MinimalUserDict("x")).Should().BeFalse();
        Auth.IsStudioUser(new MinimalUserDict("x") { ["kind"] = "Other" }).Should().BeFalse();
        Auth.IsStudioUser(new MinimalUserDict("x") { ["kind"] = 1 }).Should().BeFalse();
        Auth.IsStudioUser(new MinimalUserDict("x") { ["kind"] = new JsonArray("StudioUser") }).Should().BeFalse();
        Auth.IsStudioUser(null).Should().BeFalse();
    }
}

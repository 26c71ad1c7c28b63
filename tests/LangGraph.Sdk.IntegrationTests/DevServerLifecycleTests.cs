using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Testing;

namespace LangGraph.Sdk.IntegrationTests;

/// <summary>The test bed itself: the no-auth config serves without credentials, and stopping leaves no process behind.</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class DevServerLifecycleTests
{
    [Fact]
    public async Task The_no_auth_server_serves_without_credentials_and_leaves_no_process_when_stopped()
    {
        int group;
        await using (var server = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions { ConfigFile = LangGraphDevServerOptions.NoAuthConfig }))
        {
            group = server.ProcessGroupId;
            LangGraphDevServer.IsProcessGroupAlive(group).Should().BeTrue();
            using var client = new LangGraphClient(new LangGraphClientOptions { ApiUrl = server.Url, ReadApiKeyFromEnvironment = false });

            var thread = await client.Threads.CreateAsync();

            thread.Metadata.Should().NotContainKey("owner", "no auth handler stamps an owner");
            (await client.Threads.GetAsync(thread.ThreadId)).ThreadId.Should().Be(thread.ThreadId);
        }

        LangGraphDevServer.IsProcessGroupAlive(group).Should().BeFalse("disposing kills the whole process group");
        ProcessesInGroup(group).Should().BeEmpty();
    }

    [Fact]
    public async Task Without_node_the_start_fails_with_a_clear_message()
    {
        var act = () => LangGraphDevServer.StartAsync(new LangGraphDevServerOptions { NodeCommand = "node-is-not-installed-here" });

        var ex = (await act.Should().ThrowAsync<InvalidOperationException>()).Which;
        ex.Message.Should().Contain("Node.js 20 or later is required").And.Contain("node-is-not-installed-here");
    }

    private static string[] ProcessesInGroup(int group) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Where(pid =>
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    return fields.Length > 2 && fields[2] == group.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .Select(pid => pid!)
            .ToArray();
}

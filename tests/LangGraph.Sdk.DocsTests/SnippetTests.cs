using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using Microsoft.CodeAnalysis;

namespace LangGraph.Sdk.DocsTests;

/// <summary>
/// Every <c>```csharp</c> snippet of README.md, docs/*.md and src/*/README.md compiles against the SDK, so a renamed
/// member breaks this test. A snippet that is not meant to compile says why, just before its fence:
/// <c>&lt;!-- not-compiled: reason --&gt;</c>.
/// </summary>
public sealed class SnippetTests
{
    /// <summary>Gets the snippets to compile, by <c>file:line</c>.</summary>
    public static TheoryData<string> CompiledSnippets
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var snippet in MarkdownSnippets.All.Where(s => s.NotCompiledReason is null))
            {
                data.Add(snippet.Id);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CompiledSnippets))]
    public void Snippet_compiles(string snippet)
    {
        var errors = SnippetCompiler.Compile(MarkdownSnippets.All.Single(s => s.Id == snippet));

        errors.Select(e => e.ToString()).Should().BeEmpty("the snippet at {0} must compile against the SDK", snippet);
    }

    [Fact]
    public void Every_doc_is_scanned_and_most_snippets_compile()
    {
        var files = MarkdownSnippets.All.Select(s => s.File).Distinct().ToArray();

        files.Should().Contain(["README.md", "docs/auth.md", "docs/remote-graph.md", "src/LangGraph.Sdk.Auth/README.md"]);
        MarkdownSnippets.All.Count(s => s.NotCompiledReason is null).Should().BeGreaterThan(30);
    }

    [Fact]
    public void Snippets_that_do_not_compile_say_why()
    {
        MarkdownSnippets.All.Where(s => s.NotCompiledReason is not null)
            .Should().OnlyContain(s => s.NotCompiledReason!.Length > 0, "a <!-- not-compiled: reason --> marker gives its reason");
    }

    [Fact]
    public void A_renamed_member_fails_with_the_markdown_location()
    {
        var errors = SnippetCompiler.Compile(new MarkdownSnippet("docs/threads.md", 42, "var thread = await client.Threads.FetchAsync(threadId);", null));

        errors.Should().ContainSingle(e => e.Id == "CS1061");
        var location = errors.Single(e => e.Id == "CS1061").Location.GetMappedLineSpan();
        location.Path.Should().Be("docs/threads.md");
        (location.StartLinePosition.Line + 1).Should().Be(42);
    }

    [Fact]
    public void Fragments_and_files_with_types_both_compile()
    {
        SnippetCompiler.Compile(new MarkdownSnippet("x.md", 1, "await client.Threads.GetAsync(threadId, cancellationToken: cancellationToken);", null))
            .Should().BeEmpty();
        SnippetCompiler.Compile(new MarkdownSnippet("x.md", 1, "public sealed class H { [Authenticate] public string A(string? authorization) => \"a\"; }", null))
            .Should().BeEmpty();
    }

    [Fact]
    public void Source_generated_contexts_get_their_members()
    {
        const string Code = """
            [JsonSerializable(typeof(Point))]
            internal sealed partial class PointContext : JsonSerializerContext;
            internal sealed record Point(int X);
            internal static class Use { public static string Write() => JsonSerializer.Serialize(new Point(1), PointContext.Default.Point); }
            """;

        SnippetCompiler.Compile(new MarkdownSnippet("x.md", 1, Code, null)).Should().BeEmpty();
    }

    [Fact]
    public void Markers_and_indented_fences_are_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"docs-tests-{Guid.NewGuid():N}.md");
        File.WriteAllLines(path,
        [
            "# Title",
            "<!-- not-compiled: pseudo-code -->",
            "```csharp",
            "var x = …;",
            "```",
            "- a list item:",
            "  ```csharp",
            "  var y = 1;",
            "  ```",
            "```python",
            "z = 1",
            "```",
        ]);
        try
        {
            var snippets = MarkdownSnippets.Read(path).ToArray();

            snippets.Should().HaveCount(2);
            snippets[0].NotCompiledReason.Should().Be("pseudo-code");
            snippets[0].Line.Should().Be(4);
            snippets[1].Code.Should().Be("var y = 1;");
            snippets[1].NotCompiledReason.Should().BeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }
}

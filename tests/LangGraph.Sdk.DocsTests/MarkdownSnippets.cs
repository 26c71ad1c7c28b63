using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LangGraph.Sdk.DocsTests;

/// <summary>One <c>```csharp</c> block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the block's first code line.</param>
/// <param name="Code">The code.</param>
/// <param name="NotCompiledReason">The reason given by a <c>&lt;!-- not-compiled: reason --&gt;</c> comment just before the block, or null.</param>
public sealed record MarkdownSnippet(string File, int Line, string Code, string? NotCompiledReason)
{
    /// <summary>Gets the snippet's name, <c>file:line</c>.</summary>
    public string Id => $"{File}:{Line}";

    /// <inheritdoc />
    public override string ToString() => Id;
}

/// <summary>Finds the C# snippets of the docs: README.md, docs/*.md and src/*/README.md.</summary>
public static partial class MarkdownSnippets
{
    /// <summary>Gets the repository root: the folder above the test binaries that holds LangGraph.Sdk.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Gets every snippet, in file then line order.</summary>
    public static IReadOnlyList<MarkdownSnippet> All { get; } = DocFiles().SelectMany(Read).ToArray();

    /// <summary>The Markdown files whose snippets are compiled.</summary>
    public static IEnumerable<string> DocFiles()
    {
        yield return Path.Combine(RepositoryRoot, "README.md");
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var file in Directory.GetDirectories(Path.Combine(RepositoryRoot, "src")).Order(StringComparer.Ordinal)
                     .Select(d => Path.Combine(d, "README.md")).Where(File.Exists))
        {
            yield return file;
        }
    }

    /// <summary>Reads the <c>```csharp</c> blocks of one file (fences may be indented, as inside lists).</summary>
    public static IEnumerable<MarkdownSnippet> Read(string path)
    {
        var relative = Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success || open.Groups["lang"].Value != "csharp")
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !ClosingFence().IsMatch(lines[end]))
            {
                end++;
            }

            var indent = open.Groups["indent"].Value.Length;
            var code = string.Join('\n', lines[start..end].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart()));
            yield return new MarkdownSnippet(relative, start + 1, code, NotCompiledReason(lines, i));
            i = end;
        }
    }

    /// <summary>The reason of a <c>&lt;!-- not-compiled: reason --&gt;</c> comment on the last non-blank line before the fence.</summary>
    private static string? NotCompiledReason(string[] lines, int fence)
    {
        for (var i = fence - 1; i >= 0; i--)
        {
            if (!string.IsNullOrWhiteSpace(lines[i]))
            {
                var marker = NotCompiled().Match(lines[i]);
                return marker.Success ? marker.Groups["reason"].Value.Trim() : null;
            }
        }

        return null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LangGraph.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LangGraph.Sdk.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^(?<indent>\s*)```(?<lang>[A-Za-z0-9#+-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*```\s*$")]
    private static partial Regex ClosingFence();

    [GeneratedRegex(@"^\s*<!--\s*not-compiled:(?<reason>.*?)-->\s*$")]
    private static partial Regex NotCompiled();
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LangGraph.Sdk.DocsTests;

/// <summary>
/// Compiles one snippet with Roslyn against the assemblies the tests run with (the SDK packages, .NET and ASP.NET Core):
/// as a file of top-level statements (a fragment; <c>await</c> works) or of types, with the usings a reader would add and
/// the ambient declarations of <c>Ambient/DocsAmbient.cs</c> in scope. Diagnostics point at the Markdown file and line.
/// </summary>
public static class SnippetCompiler
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        .Where(p => Path.GetFileName(p) != Path.GetFileName(typeof(SnippetCompiler).Assembly.Location)) // its own copy of the ambient types
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray());

    private static readonly Lazy<SyntaxTree> Usings = new(() => CSharpSyntaxTree.ParseText(GlobalUsings(), ParseOptions, path: "GlobalUsings.cs"));

    /// <summary>The ambient declarations, compiled once into an assembly of their own that every snippet references.</summary>
    private static readonly Lazy<MetadataReference> Ambient = new(() =>
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ambient", "DocsAmbient.cs"));
        var compilation = CSharpCompilation.Create(
            "DocsAmbient",
            [Usings.Value, CSharpSyntaxTree.ParseText(source, ParseOptions, path: "DocsAmbient.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = Errors(compilation, out var generated);
        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        if (errors.Count > 0 || !emitted.Success)
        {
            throw new InvalidOperationException(
                $"Ambient/DocsAmbient.cs does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Concat(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)))}");
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    });

    private static readonly Lazy<ISourceGenerator[]> Generators = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "generators", "System.Text.Json.SourceGeneration.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: the test project copies the JSON source generator there when it builds.");
        }

        return [.. new AnalyzerFileReference(path, new DefaultLoader()).GetGenerators(LanguageNames.CSharp)];
    });

    /// <summary>The namespaces every snippet may use without a using directive.</summary>
    public static IReadOnlyList<string> Namespaces { get; } =
    [
        "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq", "System.Net.Http",
        "System.Text.Json", "System.Text.Json.Nodes", "System.Text.Json.Serialization", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Authentication.JwtBearer", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging", "Docs",
        .. new[] { typeof(LangGraphClient).Assembly, typeof(Auth.Auth).Assembly, typeof(Auth.AspNetCore.LangGraphAuthBuilder).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Namespace!)
            .Where(n => !n.StartsWith("Microsoft.", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Compiles a snippet.</summary>
    /// <param name="snippet">The snippet.</param>
    /// <returns>The errors, located in the Markdown file; empty when it compiles.</returns>
    public static IReadOnlyList<Diagnostic> Compile(MarkdownSnippet snippet)
    {
        var tree = CSharpSyntaxTree.ParseText($"#line {snippet.Line} \"{snippet.File}\"\n{snippet.Code}\n", ParseOptions, path: snippet.File);
        var isProgram = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [Usings.Value, tree],
            [.. References.Value, Ambient.Value],
            new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return Errors(compilation, out _);
    }

    /// <summary>Runs the source generators, then returns the errors (a generator that failed, CS8784/CS8785, is one).</summary>
    private static IReadOnlyList<Diagnostic> Errors(CSharpCompilation compilation, out Compilation generated)
    {
        CSharpGeneratorDriver.Create(Generators.Value, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out generated, out var generatorDiagnostics);
        return [.. generatorDiagnostics.Concat(generated.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS8784" or "CS8785")];
    }

    private static string GlobalUsings() =>
        string.Concat(Namespaces.Select(n => $"global using {n};\n")) + "global using static Docs.Ambient;\n";

    private sealed class DefaultLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}

using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>A user type that <see cref="TestPayloadContext"/> knows.</summary>
public sealed record KnownPayload(string DisplayName, int RetryCount);

/// <summary>A user type that no test serializer context knows.</summary>
public sealed record UnknownPayload(string Name);

/// <summary>A source-generated context standing in for an AOT application's own.</summary>
[JsonSerializable(typeof(KnownPayload))]
public sealed partial class TestPayloadContext : JsonSerializerContext;

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// The one source-generated serializer context of the SDK: snake_case wire names, nulls not written, unknown fields
/// ignored. It also knows the common shapes of user payloads (dictionaries, lists, primitives, <see cref="JsonElement"/>).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false,
    Converters = [typeof(LangGraphThreadConverter), typeof(RunConverter), typeof(AssistantConverter), typeof(ThreadStateConverter), typeof(JsonObjectDictionaryConverter)])]
[JsonSerializable(typeof(RunRequest))]
[JsonSerializable(typeof(RunCancelManyRequest))]
[JsonSerializable(typeof(CronRequest))]
[JsonSerializable(typeof(StoreRequest))]
[JsonSerializable(typeof(IList<string>))]
[JsonSerializable(typeof(AssistantRequest))]
[JsonSerializable(typeof(AssistantSearchRequest))]
[JsonSerializable(typeof(ThreadCreateRequest))]
[JsonSerializable(typeof(ThreadUpdateRequest))]
[JsonSerializable(typeof(ThreadSearchRequest))]
[JsonSerializable(typeof(ThreadPruneRequest))]
[JsonSerializable(typeof(ThreadStateRequest))]
[JsonSerializable(typeof(LangGraph.Sdk.ThreadStreams.ProtocolCommandRequest))]
[JsonSerializable(typeof(LangGraph.Sdk.ThreadStreams.ThreadStreamFilterRequest))]
[JsonSerializable(typeof(LangGraph.Sdk.ThreadStreams.RunStartParams))]
[JsonSerializable(typeof(LangGraph.Sdk.ThreadStreams.InputRespondParams))]
[JsonSerializable(typeof(LangGraph.Sdk.ThreadStreams.StateGetParams))]
[JsonSerializable(typeof(LangGraph.Sdk.ThreadStreams.UnsubscribeParams))]
[JsonSerializable(typeof(CronSearchRequest))]
[JsonSerializable(typeof(LangGraphThread))]
[JsonSerializable(typeof(List<LangGraphThread>))]
[JsonSerializable(typeof(ThreadState))]
[JsonSerializable(typeof(List<ThreadState>))]
[JsonSerializable(typeof(ThreadUpdateStateResponse))]
[JsonSerializable(typeof(ThreadPruneResult))]
[JsonSerializable(typeof(Checkpoint))]
[JsonSerializable(typeof(Run))]
[JsonSerializable(typeof(List<Run>))]
[JsonSerializable(typeof(List<Interrupt>))]
[JsonSerializable(typeof(Assistant))]
[JsonSerializable(typeof(List<Assistant>))]
[JsonSerializable(typeof(AssistantVersion))]
[JsonSerializable(typeof(List<AssistantVersion>))]
[JsonSerializable(typeof(AssistantGraph))]
[JsonSerializable(typeof(GraphSchema))]
[JsonSerializable(typeof(Dictionary<string, GraphSchema>))]
[JsonSerializable(typeof(Cron))]
[JsonSerializable(typeof(List<Cron>))]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(SearchItemsResponse))]
[JsonSerializable(typeof(ListNamespacesResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(System.Guid))]
[JsonSerializable(typeof(System.DateTime))]
[JsonSerializable(typeof(System.DateTimeOffset))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(IDictionary<string, object?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object?>))]
[JsonSerializable(typeof(List<Dictionary<string, object?>>))]
internal sealed partial class LangGraphJsonContext : JsonSerializerContext
{
}

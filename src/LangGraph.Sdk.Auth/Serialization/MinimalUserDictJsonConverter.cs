using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Auth.Serialization;

/// <summary>Writes and reads <see cref="MinimalUserDict"/> in the <c>langgraph_auth_user</c> shape, without reflection.</summary>
internal sealed class MinimalUserDictJsonConverter : JsonConverter<MinimalUserDict>
{
    public override MinimalUserDict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        UserJson.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, MinimalUserDict value, JsonSerializerOptions options) =>
        UserJson.Write(writer, value);
}

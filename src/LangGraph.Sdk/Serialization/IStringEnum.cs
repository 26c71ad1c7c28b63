namespace LangGraph.Sdk.Serialization;

/// <summary>An extensible string-valued enumeration: a struct that wraps one wire value and accepts unknown ones.</summary>
/// <typeparam name="TSelf">The struct itself.</typeparam>
internal interface IStringEnum<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>Gets the wire value.</summary>
    string Value { get; }

    /// <summary>Wraps a wire value.</summary>
    static abstract TSelf FromString(string value);
}

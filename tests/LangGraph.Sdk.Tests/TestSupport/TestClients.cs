using System;
using System.Net.Http;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>Creates clients through the internal constructor, with a fake environment and fast retries.</summary>
public static class TestClients
{
    public static LangGraphClientOptions Options(string url, Action<LangGraphClientOptions>? configure = null)
    {
        var options = new LangGraphClientOptions { ApiUrl = new Uri(url) };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.UseJitter = false;
        configure?.Invoke(options);
        return options;
    }

    public static LangGraphClient Create(
        string url,
        Action<LangGraphClientOptions>? configure = null,
        Func<string, string?>? environment = null,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null) =>
        new(new LangGraphHttpCore(Options(url, configure), httpClient, timeProvider, getEnvironmentVariable: environment ?? Env.Empty));
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Benchmarks;

/// <summary>Sequential request timings and their percentiles, shared by the gateway and delegate latency benchmarks.</summary>
internal static class LatencySampler
{
    /// <summary>Sends <paramref name="n"/> GETs one after another and returns each one's time in milliseconds, body read.</summary>
    public static async Task<List<double>> SequentialAsync(HttpClient http, Uri uri, int n)
    {
        var times = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(uri);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return times;
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–100) of the values.</summary>
    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

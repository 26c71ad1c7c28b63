#!/usr/bin/env bash
# Side-by-side: the same 100,000-event LangGraph stream (34 MB) served from a local Node server, consumed by the
# official JS SDK (client.runs.stream), by this SDK (client.Runs.StreamAsync) and by a bare HttpClient + SseParser +
# JsonDocument loop; then this SDK and the bare loop on a 400,000-event stream, to show memory does not grow with it.
# Then RemoteGraph on the same streams: the official JS RemoteGraph (@langchain/langgraph/remote, graph.stream) and this
# SDK's RemoteGraph.StreamAsync (in turns with Runs.StreamAsync), streaming values, updates and messages; RemoteGraph
# yields only the requested modes, so both count every event but the metadata one, and their counts per mode must agree.
#
# Then the request benchmarks on the same server (one thread of about 600 B, a search answering 50 threads): the JS SDK,
# this SDK and the bare HttpClient + JsonDocument loop, threads.get and threads.search(limit 50) one call at a time, and
# threads.get with 32 and 256 callers at once (requests per second, p50, p99), with the ratios to the bare loop.
#
#   (cd tests/server && npm ci)        # once: the JS SDK comes from there
#   benchmarks/side-by-side/run.sh
#
# Environment: JS_RUNS (3), DOTNET_RUNS (10), WARMUP (3 warm-up runs of the stream per client), EVENTS (100000),
# LONG_EVENTS (400000), REMOTE (1; 0 skips the RemoteGraph runs), STREAMS (1; 0 skips the stream runs), REQUESTS (1; 0
# skips the request runs), REQ_SECONDS (3, per concurrent round; 2 rounds per client), REQ_WARMUP_SECONDS (3, the
# request warm-up per client and scenario), RESULTS (a file to keep the raw JSON lines in).
#
# Every client is warmed up until its JIT has produced its final code (V8's optimising compiler; .NET's tier-1,
# profile-guided code, which a method reaches only some 100 ms after the last new method was compiled and 30 calls
# later): a tenth of a second of warm-up measured tier-0 code, and the SDK, with more methods on its path, more so.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
js_runs="${JS_RUNS:-3}"
dotnet_runs="${DOTNET_RUNS:-10}"
warmup="${WARMUP:-3}"
events="${EVENTS:-100000}"
long_events="${LONG_EVENTS:-400000}"
remote="${REMOTE:-1}"
streams="${STREAMS:-1}"
requests="${REQUESTS:-1}"
req_seconds="${REQ_SECONDS:-3}"
req_warmup="${REQ_WARMUP_SECONDS:-3}"

if [[ ! -f "$root/tests/server/node_modules/@langchain/langgraph-sdk/package.json" ]]; then
  echo "The JS SDK is missing: run (cd tests/server && npm ci) first." >&2
  exit 1
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version), node $(node --version)"
echo "== building benchmarks/LangGraph.Sdk.SideBySide (Release)"
if ! dotnet build -c Release "$root/benchmarks/LangGraph.Sdk.SideBySide" -nologo >"$work/build.log" 2>&1; then
  cat "$work/build.log" >&2
  exit 1
fi
tool=(dotnet "$root/benchmarks/LangGraph.Sdk.SideBySide/bin/Release/net10.0/LangGraph.Sdk.SideBySide.dll")

serve_args=()
if [[ "$streams" == 1 ]]; then
  echo "== generating the streams"
  "${tool[@]}" generate "$events" "$work/short.sse"
  "${tool[@]}" generate "$long_events" "$work/long.sse"
  serve_args+=(--stream "bench-$events=$work/short.sse" --stream "bench-$long_events=$work/long.sse")
fi
if [[ "$requests" == 1 ]]; then
  "${tool[@]}" requests --write "$work/json"
  serve_args+=(--thread-json "$work/json/thread.json" --search-json "$work/json/search.json")
fi

node "$here/serve.mjs" "${serve_args[@]}" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if grep -q '^listening ' "$work/serve.log"; then break; fi
  sleep 0.1
done
port="$(sed -n 's/^listening //p' "$work/serve.log")"
if [[ -z "$port" ]]; then
  echo "the server did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
url="http://127.0.0.1:$port"
echo "== serving on $url"

results="$work/results.jsonl"
touch "$results"
if [[ "$streams" == 1 ]]; then
for f in short long; do
  n="$([[ $f == short ]] && echo "$events" || echo "$long_events")"
  echo "{\"stream\":true,\"events\":$n,\"bytes\":$(stat -c %s "$work/$f.sse")}" >>"$results"
done
echo "== JS SDK: $warmup warm-up + $js_runs measured runs of $events events"
node "$here/js-consumer.mjs" --url "$url" --thread "bench-$events" --expect "$events" --warmup "$warmup" --runs "$js_runs" | tee -a "$results"

echo "== .NET: Runs.StreamAsync and the bare loop in turns, $warmup warm-up + $dotnet_runs measured runs each"
"${tool[@]}" consume --url "$url" --client sdk,bare --thread "bench-$events" --expect "$events" --warmup "$warmup" --runs "$dotnet_runs" | tee -a "$results"

echo "== memory: one run per process, $events then $long_events events"
for client in sdk bare; do
  for n in "$events" "$long_events"; do
    "${tool[@]}" consume --url "$url" --client "$client" --thread "bench-$n" --expect "$n" --warmup 0 --runs 1 \
      | sed 's/^{/{"memory":true,/' | tee -a "$results"
  done
done

if [[ "$remote" == 1 ]]; then
  # The stream starts with one metadata event, which RemoteGraph does not yield (it yields the requested modes only).
  echo "== JS RemoteGraph: $warmup warm-up + $js_runs measured runs of $events events ($((events - 1)) chunks)"
  node "$here/js-consumer.mjs" --client remote --url "$url" --thread "bench-$events" --expect "$((events - 1))" \
    --warmup "$warmup" --runs "$js_runs" | tee -a "$results"

  echo "== .NET: RemoteGraph.StreamAsync and Runs.StreamAsync in turns, $warmup warm-up + $dotnet_runs measured runs each"
  "${tool[@]}" consume --url "$url" --client remote,sdk --thread "bench-$events" --expect "$events" --warmup "$warmup" --runs "$dotnet_runs" \
    | sed 's/^{/{"remoteRun":true,/' | tee -a "$results"

  echo "== memory: RemoteGraph.StreamAsync, one run per process, $events then $long_events events"
  for n in "$events" "$long_events"; do
    "${tool[@]}" consume --url "$url" --client remote --thread "bench-$n" --expect "$n" --warmup 0 --runs 1 \
      | sed "s/^{/{\"memory\":true,\"streamEvents\":$n,/" | tee -a "$results"
  done
fi

fi # streams

if [[ "$requests" == 1 ]]; then
  echo "== requests: threads.get, one call at a time (JS SDK; then this SDK, the bare loop and the bare loop keeping its JSON, in turns)"
  node "$here/js-requests.mjs" --url "$url" --scenario get --requests 3000 --warmup 500 --warmup-seconds "$req_warmup" | tee -a "$results"
  "${tool[@]}" requests --url "$url" --scenario get --client sdk,bare,bare-kept --requests 5000 --warmup 1000 --warmup-seconds "$req_warmup" | tee -a "$results"
  echo "== requests: threads.search(limit 50), one call at a time"
  node "$here/js-requests.mjs" --url "$url" --scenario search --requests 600 --warmup 100 --warmup-seconds "$req_warmup" | tee -a "$results"
  "${tool[@]}" requests --url "$url" --scenario search --client sdk,bare,bare-kept --requests 1500 --warmup 300 --warmup-seconds "$req_warmup" | tee -a "$results"
  for c in 32 256; do
    echo "== requests: threads.get, $c callers at once, 2 rounds of ${req_seconds} s per client"
    node "$here/js-requests.mjs" --url "$url" --scenario get --concurrency "$c" --seconds "$req_seconds" --warmup-seconds "$req_warmup" | tee -a "$results"
    "${tool[@]}" requests --url "$url" --scenario get --client sdk,bare --concurrency "$c" --seconds "$req_seconds" --warmup-seconds "$req_warmup" | tee -a "$results"
  done
  echo "== load after the request runs: $(cut -d' ' -f1-3 /proc/loadavg)"

  node "$here/requests-summary.mjs" "$results"
fi

if [[ -n "${RESULTS:-}" ]]; then cp "$results" "$RESULTS"; fi

[[ "$streams" == 1 ]] || exit 0

node - "$results" <<'EOF'
const fs = require("node:fs");
const rows = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map((line) => JSON.parse(line));
const sizes = new Map(rows.filter((r) => r.stream).map((r) => [r.events, r.bytes]));
const speed = rows.filter((r) => !r.memory && !r.stream && !r.remoteRun && r.client !== "js-remote");
const js = speed.find((r) => r.client === "js");
const sdk = speed.find((r) => r.client === "sdk");
const bare = speed.find((r) => r.client === "bare");
const fmt = (n, d = 0) => Number(n).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (cells) => "| " + cells.join(" | ") + " |";

console.log(`\nSpeed: ${fmt(sdk.events)} events (${fmt(sizes.get(sdk.events) / 1e6, 1)} MB) per run, median of the measured runs\n`);
console.log(pad(["client", "events/s", "median ms", "best events/s", "vs JS SDK", "vs bare", "alloc B/event", "peak memory MB"]));
console.log(pad(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const [name, r] of [[`JS SDK ${js.sdkVersion} client.runs.stream`, js], ["LangGraph.Sdk Runs.StreamAsync", sdk], ["bare HttpClient + SseParser + JsonDocument", bare]]) {
  console.log(pad([
    name,
    fmt(r.eventsPerSec),
    fmt(r.medianMs, 1),
    fmt(r.bestEventsPerSec),
    (r.eventsPerSec / js.eventsPerSec).toFixed(1) + "×",
    (r.eventsPerSec / bare.eventsPerSec).toFixed(2) + "×",
    r.allocBytesPerEvent === undefined ? "n/a" : fmt(r.allocBytesPerEvent),
    r.peakRssMB !== undefined ? `${fmt(r.peakRssMB, 1)} (RSS)` : `${fmt(r.peakWorkingSetMB, 1)} (WS, sdk+bare process)`,
  ]));
}

console.log("\nMemory against stream length (one run per process)\n");
console.log(pad(["client", "events", "MB streamed", "peak working set MB", "peak GC heap MB", "alloc B/event", "gen2 GCs"]));
console.log(pad(["---", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const r of rows.filter((r) => r.memory)) {
  const name = { sdk: "Runs.StreamAsync", bare: "bare loop", remote: "RemoteGraph.StreamAsync" }[r.client];
  console.log(pad([name, fmt(r.events), fmt(sizes.get(r.streamEvents ?? r.events) / 1e6, 1), fmt(r.peakWorkingSetMB, 1), fmt(r.peakGcHeapMB, 1), fmt(r.allocBytesPerEvent), r.gen2]));
}

const memory = (client, n) => rows.find((r) => r.memory && r.client === client && r.events === n);
const sdkShort = memory("sdk", sdk.events);
const sdkLong = rows.filter((r) => r.memory && r.client === "sdk").sort((a, b) => b.events - a.events)[0];
const goals = [
  [">= 10× the JS SDK's events/s", sdk.eventsPerSec / js.eventsPerSec >= 10, `${(sdk.eventsPerSec / js.eventsPerSec).toFixed(1)}×`],
  [">= 0.7× the bare loop's events/s", sdk.eventsPerSec / bare.eventsPerSec >= 0.7, `${(sdk.eventsPerSec / bare.eventsPerSec).toFixed(2)}×`],
  ["< 1 KB allocated per event", sdk.allocBytesPerEvent < 1024, `${fmt(sdk.allocBytesPerEvent)} B`],
  ["memory flat in the stream's length (peak working set within 10% at 4× the events)",
    sdkLong.peakWorkingSetMB <= sdkShort.peakWorkingSetMB * 1.1,
    `${fmt(sdkShort.peakWorkingSetMB, 1)} MB -> ${fmt(sdkLong.peakWorkingSetMB, 1)} MB`],
];
console.log("\nGoals\n");
for (const [goal, ok, value] of goals) console.log(`${ok ? "PASS" : "FAIL"}  ${goal}: ${value}`);

const jsRemote = rows.find((r) => r.client === "js-remote");
const remote = rows.find((r) => r.remoteRun && r.client === "remote");
const sdkBeside = rows.find((r) => r.remoteRun && r.client === "sdk");
if (jsRemote && remote && sdkBeside) {
  console.log(`\nRemoteGraph: the same ${fmt(sdk.events)}-event stream, values + updates + messages; RemoteGraph yields ${fmt(remote.events)} chunks (not the metadata event), median of the measured runs\n`);
  console.log(pad(["client", "items/s", "median ms", "best items/s", "vs JS RemoteGraph", "vs Runs.StreamAsync (same process)", "alloc B/item", "peak memory MB"]));
  console.log(pad(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
  for (const [name, r] of [
    [`JS RemoteGraph (@langchain/langgraph ${jsRemote.langgraphVersion}) graph.stream`, jsRemote],
    [`JS SDK ${js.sdkVersion} client.runs.stream (run above)`, js],
    ["LangGraph.Sdk RemoteGraph.StreamAsync", remote],
    ["LangGraph.Sdk Runs.StreamAsync (in turns with it)", sdkBeside],
  ]) {
    console.log(pad([
      name,
      fmt(r.eventsPerSec),
      fmt(r.medianMs, 1),
      fmt(r.bestEventsPerSec),
      (r.eventsPerSec / jsRemote.eventsPerSec).toFixed(1) + "×",
      r === js || r === jsRemote ? "n/a" : (r.eventsPerSec / sdkBeside.eventsPerSec).toFixed(2) + "×",
      r.allocBytesPerEvent === undefined ? "n/a" : fmt(r.allocBytesPerEvent, 1),
      r.peakRssMB !== undefined ? `${fmt(r.peakRssMB, 1)} (RSS)` : `${fmt(r.peakWorkingSetMB, 1)} (WS, remote+sdk process)`,
    ]));
  }

  const same = JSON.stringify(jsRemote.modes) === JSON.stringify(remote.modes);
  console.log(`\n${same ? "PASS" : "FAIL"}  both RemoteGraphs counted the same chunks per mode: JS ${JSON.stringify(jsRemote.modes)}, .NET ${JSON.stringify(remote.modes)}`);
  console.log(`      RemoteGraph.StreamAsync over Runs.StreamAsync: ${fmt(remote.medianMs - sdkBeside.medianMs, 1)} ms per run (${fmt((remote.medianMs - sdkBeside.medianMs) * 1e6 / remote.events, 0)} ns per chunk), ` +
    `${fmt(remote.allocBytesPerEvent - sdkBeside.allocBytesPerEvent * sdkBeside.events / remote.events, 1)} B more allocated per chunk`);
  if (!same) process.exitCode = 1;
}
EOF

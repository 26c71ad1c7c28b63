#!/usr/bin/env bash
# Side-by-side, the thread streaming protocol: the same synthetic run (serve-thread-stream.mjs: root lifecycle, EVENTS
# `messages` content-block deltas in messages of 100 tokens, root lifecycle "completed") consumed by the official JS
# SDK's client.threads.stream (thread.subscribe(["messages", "lifecycle"]) + thread.run.start, counting events until the
# root terminal lifecycle) and by this SDK's client.Threads.Stream (ThreadStream.Events, same channels, same stop), both
# over SSE, then both over WebSocket. Prints the machine's load, events/s of each, the ratio and .NET's allocated B/event.
#
#   (cd tests/server && npm ci)        # once: the JS SDK and the `ws` package come from there
#   benchmarks/side-by-side/thread-stream.sh
#
# Environment: EVENTS (100000 deltas), JS_RUNS (3), DOTNET_RUNS (3), WARMUP (1), WEBSOCKET (1; 0 skips the WebSocket rows).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
events="${EVENTS:-100000}"
js_runs="${JS_RUNS:-3}"
dotnet_runs="${DOTNET_RUNS:-3}"
warmup="${WARMUP:-1}"
websocket="${WEBSOCKET:-1}"

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

node "$here/serve-thread-stream.mjs" --events "$events" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if grep -q '^events ' "$work/serve.log"; then break; fi
  sleep 0.1
done
port="$(sed -n 's/^listening //p' "$work/serve.log")"
total="$(sed -n 's/^events //p' "$work/serve.log")"
if [[ -z "$port" || -z "$total" ]]; then
  echo "the server did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
url="http://127.0.0.1:$port"
echo "== serving a run of $total events ($events deltas) on $url"

transports=(sse)
if [[ "$websocket" == 1 ]]; then transports+=(websocket); fi
results="$work/results.jsonl"
for transport in "${transports[@]}"; do
  echo "== JS SDK threads.stream over $transport: $warmup warm-up + $js_runs measured runs"
  node "$here/js-thread-stream.mjs" --url "$url" --transport "$transport" --expect "$total" --warmup "$warmup" --runs "$js_runs" | tee -a "$results"
done
echo "== .NET Threads.Stream over ${transports[*]} (in turns): $warmup warm-up + $dotnet_runs measured runs"
"${tool[@]}" thread-stream --url "$url" --transport "$(IFS=,; echo "${transports[*]}")" --expect "$total" --warmup "$warmup" --runs "$dotnet_runs" | tee -a "$results"
echo "== machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"

node - "$results" <<'JS'
const fs = require("node:fs");
const rows = fs.readFileSync(process.argv[2], "utf8").trim().split("\n").map((line) => JSON.parse(line));
const fmt = (n, d = 0) => Number(n).toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const pad = (cells) => "| " + cells.join(" | ") + " |";
console.log(`\nThreadStream: ${fmt(rows[0].events)} events per run, median of the measured runs\n`);
console.log(pad(["transport", "JS SDK events/s", ".NET events/s", ".NET / JS", ".NET alloc B/event", "JS median ms", ".NET median ms"]));
console.log(pad(["---", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const transport of ["sse", "websocket"]) {
  const js = rows.find((r) => r.client === `js-${transport}`);
  const cs = rows.find((r) => r.client === `cs-${transport}`);
  if (!js || !cs) continue;
  console.log(pad([transport, fmt(js.eventsPerSec), fmt(cs.eventsPerSec), (cs.eventsPerSec / js.eventsPerSec).toFixed(1) + "×",
    fmt(cs.allocBytesPerEvent), fmt(js.medianMs, 1), fmt(cs.medianMs, 1)]));
}
JS

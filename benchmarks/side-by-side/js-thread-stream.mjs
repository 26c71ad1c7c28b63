// The JS half of the ThreadStream side-by-side benchmark: runs the synthetic run of serve-thread-stream.mjs through the
// official JS SDK's thread-centric stream (@langchain/langgraph-sdk, the version in tests/server/package-lock.json) and
// prints one JSON line with the median of the measured runs.
//
//   node js-thread-stream.mjs --url URL [--transport sse|websocket] [--expect N] [--warmup 1] [--runs 3]
//
// Each run: client.threads.stream({ assistantId: "agent", transport }) on a new (minted) thread,
// thread.subscribe(["messages", "lifecycle"]), thread.run.start({ input }), then every event of the subscription is
// counted until the root lifecycle "completed", and the thread stream is closed. N is the number of events in the run
// (serve-thread-stream.mjs prints it). Over WebSocket the SDK gets a webSocketFactory from the `ws` package, as Node 20
// has no global WebSocket. The SDK is imported from tests/server/node_modules (run `npm ci` there first).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const modules = new URL("../../tests/server/node_modules/", import.meta.url);
const sdkDir = new URL("@langchain/langgraph-sdk/", modules);
const sdkVersion = JSON.parse(readFileSync(fileURLToPath(new URL("package.json", sdkDir)), "utf8")).version;

const options = { transport: "sse", expect: "0", warmup: "1", runs: "3" };
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) options[args[i].replace(/^--/, "")] = args[i + 1];
if (!options.url || !["sse", "websocket"].includes(options.transport)) {
  console.error("usage: node js-thread-stream.mjs --url URL [--transport sse|websocket] [--expect N] [--warmup W] [--runs R]");
  process.exit(2);
}

const { Client } = await import(new URL("dist/index.js", sdkDir).href);
// Node 20 has no global WebSocket: the SDK's WebSocket transport gets the `ws` package's (the one the server uses).
const WebSocket = createRequire(new URL("../../tests/server/package.json", import.meta.url))("ws");
const client = new Client({ apiUrl: options.url, apiKey: null });
const input = { messages: [{ role: "user", content: "summarise the thread so far" }] };
const expect = Number(options.expect);
const terminal = new Set(["completed", "failed", "interrupted"]);

async function once() {
  const thread = client.threads.stream({
    assistantId: "agent",
    transport: options.transport,
    ...(options.transport === "websocket" ? { webSocketFactory: (url) => new WebSocket(url) } : {}),
  });
  let count = 0;
  try {
    const subscription = await thread.subscribe(["messages", "lifecycle"]);
    await thread.run.start({ input });
    for await (const event of subscription) {
      count++;
      if (event.method === "lifecycle" && event.params.namespace.length === 0 && terminal.has(event.params.data.event)) {
        break;
      }
    }
  } finally {
    await thread.close();
  }

  if (expect > 0 && count !== expect) {
    throw new Error(`expected ${expect} events, got ${count}`);
  }
  return count;
}

for (let i = 0; i < Number(options.warmup); i++) await once();

const elapsed = [];
let events = 0;
for (let i = 0; i < Number(options.runs); i++) {
  const start = performance.now();
  events += await once();
  elapsed.push(performance.now() - start);
}

elapsed.sort((a, b) => a - b);
const runs = elapsed.length;
const perRun = events / runs;
const median = elapsed[Math.floor(runs / 2)];
console.log(JSON.stringify({
  client: `js-${options.transport}`,
  sdkVersion,
  events: perRun,
  runs,
  medianMs: Number(median.toFixed(1)),
  bestMs: Number(elapsed[0].toFixed(1)),
  eventsPerSec: Math.round(perRun / (median / 1000)),
  bestEventsPerSec: Math.round(perRun / (elapsed[0] / 1000)),
  peakRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
}));
process.exit(0);

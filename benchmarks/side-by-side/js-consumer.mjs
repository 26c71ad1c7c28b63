// The JS half of the side-by-side benchmark: streams a run with the official JS SDK (@langchain/langgraph-sdk, the
// version in tests/server/package-lock.json) or with the official JS RemoteGraph (@langchain/langgraph/remote, which
// streams through that SDK), and prints one JSON line with the median of the measured runs.
//
//   node js-consumer.mjs --url URL [--client sdk|remote] [--thread bench-100000] [--expect N] [--warmup 1] [--runs 3]
//
// --client sdk (the default, JSON client "js"): client.runs.stream(thread, "agent", { input, streamMode: ["values",
// "updates", "messages-tuple"] }), counting every event; N is the number of events in the stream.
// --client remote (JSON client "js-remote"): new RemoteGraph({ graphId: "agent", url }).stream(input, { configurable:
// { thread_id }, streamMode: ["values", "updates", "messages"] }), counting the [mode, data] chunks it yields and, per
// mode, in "modes". RemoteGraph yields only the requested modes (not the metadata event), so N is the number of values,
// updates and messages events in the stream.
//
// Both packages are imported from tests/server/node_modules (run `npm ci` there first); their own dependencies resolve
// from there.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const modules = new URL("../../tests/server/node_modules/", import.meta.url);
const packageJson = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`${name}/package.json`, modules)), "utf8"));

const options = { client: "sdk", thread: "bench-100000", expect: "0", warmup: "1", runs: "3" };
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) options[args[i].replace(/^--/, "")] = args[i + 1];
if (!options.url || !["sdk", "remote"].includes(options.client)) {
  console.error("usage: node js-consumer.mjs --url URL [--client sdk|remote] [--thread ID] [--expect N] [--warmup W] [--runs R]");
  process.exit(2);
}

const sdkDir = new URL("@langchain/langgraph-sdk/", modules);
const sdkVersion = packageJson("@langchain/langgraph-sdk").version;
const input = { messages: [{ role: "user", content: "summarise the thread so far" }] };
const expect = Number(options.expect);
let modes = {};

let stream;
let identity;
if (options.client === "sdk") {
  const { Client } = await import(new URL("dist/index.js", sdkDir).href);
  const client = new Client({ apiUrl: options.url, apiKey: null });
  identity = { client: "js", sdkVersion };
  stream = async () => {
    let count = 0;
    for await (const part of client.runs.stream(options.thread, "agent", {
      input,
      streamMode: ["values", "updates", "messages-tuple"],
    })) {
      if (part.data !== undefined && part.event.length > 0) count++;
    }
    return count;
  };
} else {
  // The "./remote" entry of the package's exports map, as `import { RemoteGraph } from "@langchain/langgraph/remote"`
  // resolves it.
  const langgraph = packageJson("@langchain/langgraph");
  const remote = langgraph.exports["./remote"].import.default;
  const { RemoteGraph } = await import(new URL(remote, new URL("@langchain/langgraph/", modules)).href);
  const graph = new RemoteGraph({ graphId: "agent", url: options.url, apiKey: null });
  identity = { client: "js-remote", sdkVersion, langgraphVersion: langgraph.version };
  stream = async () => {
    let count = 0;
    const counted = {};
    const chunks = await graph.stream(input, {
      configurable: { thread_id: options.thread },
      streamMode: ["values", "updates", "messages"],
    });
    for await (const [mode, data] of chunks) {
      if (data !== undefined && mode.length > 0) {
        counted[mode] = (counted[mode] ?? 0) + 1;
        count++;
      }
    }
    modes = { values: counted.values ?? 0, updates: counted.updates ?? 0, messages: counted.messages ?? 0 };
    modes.other = count - modes.values - modes.updates - modes.messages;
    return count;
  };
}

async function once() {
  const count = await stream();
  if (expect > 0 && count !== expect) {
    throw new Error(`expected ${expect} ${options.client === "sdk" ? "events" : "chunks"}, got ${count}`);
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
  ...identity,
  events: perRun,
  runs,
  medianMs: Number(median.toFixed(1)),
  bestMs: Number(elapsed[0].toFixed(1)),
  eventsPerSec: Math.round(perRun / (median / 1000)),
  bestEventsPerSec: Math.round(perRun / (elapsed[0] / 1000)),
  peakRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
  ...(options.client === "remote" ? { modes } : {}),
}));

// The JS half of the side-by-side benchmark: streams a run with the official JS SDK (@langchain/langgraph-sdk, the
// version in tests/server/package-lock.json) and prints one JSON line with the median of the measured runs.
//
//   node js-consumer.mjs --url URL [--thread bench-100000] [--expect N] [--warmup 1] [--runs 3]
//
// The SDK is imported from tests/server/node_modules (run `npm ci` there first); its own dependencies resolve from there.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const sdkDir = new URL("../../tests/server/node_modules/@langchain/langgraph-sdk/", import.meta.url);
const { Client } = await import(new URL("dist/index.js", sdkDir).href);
const sdkVersion = JSON.parse(readFileSync(fileURLToPath(new URL("package.json", sdkDir)), "utf8")).version;

const options = { thread: "bench-100000", expect: "0", warmup: "1", runs: "3" };
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) options[args[i].replace(/^--/, "")] = args[i + 1];
if (!options.url) {
  console.error("usage: node js-consumer.mjs --url URL [--thread ID] [--expect N] [--warmup W] [--runs R]");
  process.exit(2);
}

const client = new Client({ apiUrl: options.url, apiKey: null });
const input = { messages: [{ role: "user", content: "summarise the thread so far" }] };

async function once() {
  let count = 0;
  for await (const part of client.runs.stream(options.thread, "agent", {
    input,
    streamMode: ["values", "updates", "messages-tuple"],
  })) {
    if (part.data !== undefined && part.event.length > 0) count++;
  }
  if (Number(options.expect) > 0 && count !== Number(options.expect)) {
    throw new Error(`expected ${options.expect} events, got ${count}`);
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
  client: "js",
  sdkVersion,
  events: perRun,
  runs,
  medianMs: Number(median.toFixed(1)),
  bestMs: Number(elapsed[0].toFixed(1)),
  eventsPerSec: Math.round(perRun / (median / 1000)),
  bestEventsPerSec: Math.round(perRun / (elapsed[0] / 1000)),
  peakRssMB: Number((process.resourceUsage().maxRSS / 1024).toFixed(1)),
}));

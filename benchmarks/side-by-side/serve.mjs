// Serves a pre-generated LangGraph event stream, as fast as Node can write it, for the side-by-side benchmark; and
// threads, for its request benchmarks.
//
//   node serve.mjs [--stream NAME=FILE ...] [--thread-json FILE] [--search-json FILE] [--port 0] [--chunk 65536]
//
// POST /threads/NAME/runs/stream answers with FILE as text/event-stream (chunked, like the LangGraph JS server);
// POST /runs/stream answers with the first stream. GET /threads/ID answers with the --thread-json file and
// POST /threads/search with the --search-json file, as application/json with a Content-Length; GET
// /threads/ID/runs/RUN answers a finished run (what a client asks when a stream ends without an end event). Each file is read into
// memory once, so that the server costs as little CPU as possible and the clients are what is measured. Prints
// "listening PORT" when ready.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const streams = new Map();
let port = 0;
let chunkBytes = 64 * 1024;
let threadJson;
let searchJson;
for (let i = 0; i < args.length; i += 2) {
  const [name, value] = [args[i], args[i + 1]];
  if (name === "--stream") {
    const eq = value.indexOf("=");
    streams.set(value.slice(0, eq), readFileSync(value.slice(eq + 1)));
  } else if (name === "--thread-json") {
    threadJson = readFileSync(value);
  } else if (name === "--search-json") {
    searchJson = readFileSync(value);
  } else if (name === "--port") {
    port = Number(value);
  } else if (name === "--chunk") {
    chunkBytes = Number(value);
  } else {
    console.error(`unknown option ${name}`);
    process.exit(2);
  }
}

if (streams.size === 0 && !threadJson && !searchJson) {
  console.error("usage: node serve.mjs [--stream NAME=FILE ...] [--thread-json FILE] [--search-json FILE] [--port 0] [--chunk 65536]");
  process.exit(2);
}

const runId = "1f06b2c4-7d3e-6a10-9c52-3e8f0d1a2b4c";
const routes = /^\/(?:threads\/([^/]+)\/)?runs\/stream$/;

async function send(res, body) {
  for (let offset = 0; offset < body.length; offset += chunkBytes) {
    if (!res.write(body.subarray(offset, Math.min(offset + chunkBytes, body.length)))) {
      await new Promise((resolve, reject) => {
        res.once("drain", resolve);
        res.once("close", () => reject(new Error("client went away")));
      });
    }
  }
  res.end();
}

const threadRoute = /^\/threads\/[^/]+\/?$/;
const runRoute = /^\/threads\/([^/]+)\/runs\/([^/]+)$/;

// A JSON answer of a request benchmark, once the request's body (a search's filters) has been read.
function json(req, res, body) {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
}

const server = createServer((req, res) => {
  const path = req.url.split("?", 1)[0];
  if (threadJson && req.method === "GET" && threadRoute.test(path)) {
    json(req, res, threadJson);
    return;
  }

  if (searchJson && req.method === "POST" && path === "/threads/search") {
    json(req, res, searchJson);
    return;
  }

  // The run of a stream, finished: a client that sees a stream end without an end event asks for the run's status
  // (LangGraph.Sdk does, to tell a finished run from a lost tail).
  const run = req.method === "GET" ? runRoute.exec(path) : null;
  if (run) {
    json(req, res, Buffer.from(JSON.stringify({
      run_id: decodeURIComponent(run[2]), thread_id: decodeURIComponent(run[1]), assistant_id: "agent", status: "success",
      created_at: "2026-11-30T10:15:42.123Z", updated_at: "2026-11-30T10:16:03.654Z", metadata: {}, multitask_strategy: "reject",
    })));
    return;
  }

  const match = req.method === "POST" ? routes.exec(new URL(req.url, "http://localhost").pathname) : null;
  const body = match ? (match[1] === undefined ? streams.values().next().value : streams.get(decodeURIComponent(match[1]))) : undefined;
  if (!body) {
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ detail: "Not Found" }));
    return;
  }

  req.resume(); // the run's input is not needed
  req.on("end", () => {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      "content-location": match[1] === undefined ? `/runs/${runId}` : `/threads/${match[1]}/runs/${runId}`,
    });
    send(res, body).catch(() => res.destroy());
  });
});

server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}

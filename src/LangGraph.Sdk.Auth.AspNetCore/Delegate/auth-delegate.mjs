// LangGraph custom auth that hands every call to a .NET endpoint running LangGraph.Sdk.Auth handlers
// (LangGraph.Sdk.Auth.AspNetCore: services.AddLangGraphAuth<MyAuth>().AddDelegate(...); app.MapLangGraphAuthDelegate(...)).
//
//   langgraph.json:  "auth": { "path": "./auth-delegate.mjs:auth" }
//   environment:     LANGGRAPH_AUTH_DELEGATE_URL     the endpoint's full URL, e.g. https://auth.example.com/langgraph-auth
//                    LANGGRAPH_AUTH_DELEGATE_SECRET  the shared secret (the endpoint's LangGraphAuthDelegateOptions.Secret)
//                    LANGGRAPH_AUTH_DELEGATE_TIMEOUT_MS  optional, default 5000: no answer in time fails closed (503)
//
// The server keeps running its own auth middleware and applying the filters in its own storage; this file only asks
// the endpoint. Wire format version 1 (docs/auth-delegate.md). It fails closed: an unreachable, slow or misconfigured
// endpoint denies with 503, never allows. Imports nothing but the LangGraph SDK's Auth and Node's standard library.
import http from "node:http";
import https from "node:https";
import { Auth, HTTPException } from "@langchain/langgraph-sdk/auth";

const WIRE_VERSION = 1;
const SECRET_HEADER = "x-langgraph-auth-delegate-secret";
const UNAVAILABLE = "Auth delegate unavailable";

const endpointText = process.env.LANGGRAPH_AUTH_DELEGATE_URL;
const secret = process.env.LANGGRAPH_AUTH_DELEGATE_SECRET;
const timeoutMs = Number(process.env.LANGGRAPH_AUTH_DELEGATE_TIMEOUT_MS || 5000);
if (!endpointText || !secret) {
  // Refuse to load (the server does not start) rather than run without auth.
  throw new Error("auth-delegate.mjs needs LANGGRAPH_AUTH_DELEGATE_URL and LANGGRAPH_AUTH_DELEGATE_SECRET.");
}

const endpoint = new URL(endpointText);
const transport = endpoint.protocol === "https:" ? https : http;
// Keep-alive: one connection per concurrent call, reused from call to call.
const agent = new transport.Agent({ keepAlive: true });
const hostname = endpoint.hostname.replace(/^\[(.*)\]$/, "$1");
const basePath = endpoint.pathname.replace(/\/+$/, "");

function send(call, body, retried) {
  return new Promise((resolve, reject) => {
    const request = transport.request({
      protocol: endpoint.protocol,
      hostname,
      port: endpoint.port,
      path: `${basePath}/${call}`,
      method: "POST",
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        [SECRET_HEADER]: secret,
      },
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("response", (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("error", (error) => { clearTimeout(timer); reject(error); });
      response.on("end", () => {
        clearTimeout(timer);
        if (response.statusCode !== 200) {
          reject(new Error(`the endpoint answered ${response.statusCode}${response.statusCode === 401 ? " (wrong secret?)" : ""}`));
          return;
        }
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      // A kept-alive connection the endpoint closed meanwhile: try once more on a fresh one.
      if (!retried && request.reusedSocket && error.code === "ECONNRESET") {
        send(call, body, true).then(resolve, reject);
      } else {
        reject(error);
      }
    });
    request.end(body);
  });
}

async function ask(call, payload) {
  let answer;
  try {
    answer = await send(call, JSON.stringify({ version: WIRE_VERSION, ...payload }), false);
  } catch (error) {
    console.error(`auth-delegate: ${call} failed (${error?.message ?? error}); denying with 503.`);
    throw new HTTPException(503, { message: UNAVAILABLE });
  }
  if (answer?.denial) {
    const { status, detail, headers } = answer.denial;
    throw new HTTPException(status, { message: detail, headers: headers ?? undefined });
  }
  return answer;
}

const isPlainObject = (value) => value != null && typeof value === "object" && !Array.isArray(value);

// Applies the endpoint's version of a field in place, so that every reference the server holds sees the change.
function syncInPlace(target, source) {
  if (isPlainObject(target) && isPlainObject(source)) {
    for (const key of Object.keys(target)) if (!(key in source)) delete target[key];
    for (const [key, value] of Object.entries(source)) target[key] = syncInPlace(target[key], value);
    return target;
  }
  if (Array.isArray(target) && Array.isArray(source)) {
    target.splice(0, target.length, ...source);
    return target;
  }
  return source;
}

export const auth = new Auth()
  .authenticate(async (request) => {
    const url = new URL(request.url);
    const headers = {};
    request.headers.forEach((value, name) => { headers[name] = value; });
    const query = {};
    for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value;
    const answer = await ask("authenticate", { method: request.method, path: url.pathname, headers, query });
    return answer.user;
  })
  .on("*", async ({ resource, action, value, user }) => {
    const answer = await ask("authorize", { user, resource, action, value: value ?? {} });
    if (isPlainObject(value) && isPlainObject(answer.value)) {
      for (const key of answer.changed ?? []) value[key] = syncInPlace(value[key], answer.value[key]);
    }
    return answer.filter ?? undefined;
  });

/**
 * Custom auth for the LangGraph.Sdk C# integration-test server (`langgraphjs dev`).
 *
 * Users:
 *   alice: `Authorization: Bearer alice-token` or `x-api-key: key-alice`
 *   bob:   `Authorization: Bearer bob-token`   or `x-api-key: key-bob`
 * When both headers are present, Authorization wins (the x-api-key is ignored).
 *
 * Rules:
 *   - threads:create / threads:create_run stamp metadata.owner = identity and return the filter {owner}
 *     (so creating over / running on another user's thread is rejected).
 *   - every other threads action returns the filter {owner: identity}.
 *   - store: the namespace (put/get/delete) or namespace prefix (search/list_namespaces) must start
 *     with the caller's identity, else 403 "Not authorized".
 */
import { Auth, HTTPException } from "@langchain/langgraph-sdk/auth";

interface UserRecord {
  identity: string;
  display_name: string;
}

const USERS_BY_TOKEN: Record<string, UserRecord> = {
  "alice-token": { identity: "alice", display_name: "Alice" },
  "bob-token": { identity: "bob", display_name: "Bob" },
};

const USERS_BY_API_KEY: Record<string, UserRecord> = {
  "key-alice": { identity: "alice", display_name: "Alice" },
  "key-bob": { identity: "bob", display_name: "Bob" },
};

const WWW_AUTHENTICATE = { "WWW-Authenticate": "Bearer" };

const unauthorized = (message: string) =>
  new HTTPException(401, { message, headers: WWW_AUTHENTICATE });

function resolveUser(request: Request): UserRecord {
  const authorization = request.headers.get("authorization");
  if (authorization != null && authorization.trim() !== "") {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    const user = match ? USERS_BY_TOKEN[match[1].trim()] : undefined;
    if (!user) throw unauthorized("Invalid token");
    return user;
  }

  const apiKey = request.headers.get("x-api-key");
  if (apiKey != null && apiKey.trim() !== "") {
    const user = USERS_BY_API_KEY[apiKey.trim()];
    if (!user) throw unauthorized("Invalid token");
    return user;
  }

  throw unauthorized("Missing credentials");
}

const ownerFilter = (identity: string) => ({ owner: identity });

function stampOwner(value: { metadata?: Record<string, unknown> | null }, identity: string) {
  if (value.metadata == null || typeof value.metadata !== "object") value.metadata = {};
  value.metadata.owner = identity;
}

function assertNamespaceOwned(namespace: string[] | undefined | null, identity: string) {
  if (!Array.isArray(namespace) || namespace.length === 0 || namespace[0] !== identity) {
    throw new HTTPException(403, { message: "Not authorized" });
  }
}

export const auth = new Auth()
  .authenticate(async (request: Request) => {
    const user = resolveUser(request);
    return {
      identity: user.identity,
      display_name: user.display_name,
      permissions: ["threads:write", "threads:read"],
      // Custom field (like the seed guide's github_token): surfaces in
      // config.configurable.langgraph_auth_user inside graph nodes.
      github_token: `gh-${user.identity}`,
    };
  })
  .on("threads:create", ({ value, user }) => {
    stampOwner(value, user.identity);
    return ownerFilter(user.identity);
  })
  .on("threads:create_run", ({ value, user }) => {
    stampOwner(value, user.identity);
    return ownerFilter(user.identity);
  })
  .on("threads", ({ user }) => ownerFilter(user.identity))
  .on("store", ({ value, user }) => {
    // put/get/delete: value.namespace is the item's namespace;
    // search/list_namespaces: value.namespace is the namespace prefix.
    assertNamespaceOwned((value as { namespace?: string[] }).namespace, user.identity);
    // Allowed: everything under [identity, ...] belongs to the caller, no extra filter needed.
    return undefined;
  });

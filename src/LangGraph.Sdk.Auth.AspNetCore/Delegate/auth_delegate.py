"""LangGraph custom auth that hands every call to a .NET endpoint running LangGraph.Sdk.Auth handlers.

(LangGraph.Sdk.Auth.AspNetCore: services.AddLangGraphAuth<MyAuth>().AddDelegate(...); app.MapLangGraphAuthDelegate(...).)

    langgraph.json:  "auth": {"path": "./auth_delegate.py:auth"}
    environment:     LANGGRAPH_AUTH_DELEGATE_URL     the endpoint's full URL, e.g. https://auth.example.com/langgraph-auth
                     LANGGRAPH_AUTH_DELEGATE_SECRET  the shared secret (the endpoint's LangGraphAuthDelegateOptions.Secret)
                     LANGGRAPH_AUTH_DELEGATE_TIMEOUT_MS  optional, default 5000: no answer in time fails closed (503)

The server keeps running its own auth and applying the filters in its own storage; this file only asks the endpoint.
Wire format version 1 (docs/auth-delegate.md). It fails closed: an unreachable, slow or misconfigured endpoint denies
with 503, never allows. Imports nothing but the LangGraph SDK's Auth and the standard library.
"""

import asyncio
import datetime
import http.client
import json
import os
import sys
import threading
import urllib.parse
import uuid
from collections.abc import Mapping

from langgraph_sdk import Auth

WIRE_VERSION = 1
SECRET_HEADER = "X-LangGraph-Auth-Delegate-Secret"
UNAVAILABLE = "Auth delegate unavailable"

_endpoint_text = os.environ.get("LANGGRAPH_AUTH_DELEGATE_URL")
_secret = os.environ.get("LANGGRAPH_AUTH_DELEGATE_SECRET")
_timeout = float(os.environ.get("LANGGRAPH_AUTH_DELEGATE_TIMEOUT_MS") or 5000) / 1000
if not _endpoint_text or not _secret:
    # Refuse to load (the server does not start) rather than run without auth.
    raise RuntimeError("auth_delegate.py needs LANGGRAPH_AUTH_DELEGATE_URL and LANGGRAPH_AUTH_DELEGATE_SECRET.")

_endpoint = urllib.parse.urlsplit(_endpoint_text)
_connection_class = http.client.HTTPSConnection if _endpoint.scheme == "https" else http.client.HTTPConnection
_base_path = _endpoint.path.rstrip("/")

# Keep-alive: idle connections are kept and reused; one per concurrent call.
_idle = []
_idle_lock = threading.Lock()


def _take():
    with _idle_lock:
        if _idle:
            return _idle.pop(), True
    return _connection_class(_endpoint.hostname, _endpoint.port, timeout=_timeout), False


def _give_back(connection):
    with _idle_lock:
        _idle.append(connection)


def _send(call, body):
    for _attempt in range(2):
        connection, reused = _take()
        try:
            connection.request(
                "POST",
                f"{_base_path}/{call}",
                body=body,
                headers={"Content-Type": "application/json", SECRET_HEADER: _secret},
            )
            response = connection.getresponse()
            data = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            connection.close()
            if reused:
                continue  # A kept-alive connection the endpoint closed meanwhile: once more on a fresh one.
            raise
        except BaseException:
            connection.close()
            raise
        if response.will_close:
            connection.close()
        else:
            _give_back(connection)
        if response.status != 200:
            hint = " (wrong secret?)" if response.status == 401 else ""
            raise RuntimeError(f"the endpoint answered {response.status}{hint}")
        return json.loads(data)
    raise RuntimeError("the endpoint closed the connection")


def _json_default(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


async def _ask(call, payload):
    try:
        body = json.dumps({"version": WIRE_VERSION, **payload}, default=_json_default).encode("utf-8")
        answer = await asyncio.to_thread(_send, call, body)
    except Exception as error:  # noqa: BLE001 - every failure fails closed
        print(f"auth_delegate: {call} failed ({error}); denying with 503.", file=sys.stderr)
        raise Auth.exceptions.HTTPException(status_code=503, detail=UNAVAILABLE) from None
    denial = answer.get("denial") if isinstance(answer, dict) else None
    if denial:
        raise Auth.exceptions.HTTPException(
            status_code=denial["status"], detail=denial.get("detail"), headers=denial.get("headers") or None
        )
    return answer


def _text(value):
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _user_json(user):
    data = {}
    if isinstance(user, Mapping):
        data = dict(user)
    else:
        try:
            data = {key: user[key] for key in user}
        except Exception:  # noqa: BLE001 - a user object without item access
            data = {}
    for name in ("identity", "display_name", "is_authenticated", "permissions"):
        if name not in data and hasattr(user, name):
            data[name] = getattr(user, name)
    data["permissions"] = list(data.get("permissions") or [])
    return data


def _sync_in_place(target, source):
    """Applies the endpoint's version of a field in place, so that every reference the server holds sees the change."""
    if isinstance(target, dict) and isinstance(source, dict):
        for key in [key for key in target if key not in source]:
            del target[key]
        for key, value in source.items():
            target[key] = _sync_in_place(target.get(key), value)
        return target
    if isinstance(target, list) and isinstance(source, list):
        target[:] = source
        return target
    if isinstance(target, tuple) and isinstance(source, list):
        return tuple(source)
    return source


auth = Auth()


@auth.authenticate
async def authenticate(method: str, path: str, headers: dict, query_params: dict) -> Auth.types.MinimalUserDict:
    answer = await _ask(
        "authenticate",
        {
            "method": method,
            "path": path,
            "headers": {_text(name).lower(): _text(value) for name, value in (headers or {}).items()},
            "query": {_text(name): _text(value) for name, value in (query_params or {}).items()},
        },
    )
    return answer["user"]


@auth.on
async def authorize(ctx: Auth.types.AuthContext, value: dict):
    answer = await _ask(
        "authorize",
        {"user": _user_json(ctx.user), "resource": ctx.resource, "action": ctx.action, "value": value or {}},
    )
    returned = answer.get("value")
    if isinstance(value, dict) and isinstance(returned, dict):
        for key in answer.get("changed") or []:
            value[key] = _sync_in_place(value.get(key), returned.get(key))
    return answer.get("filter")

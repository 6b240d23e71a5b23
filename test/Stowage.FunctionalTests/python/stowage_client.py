#!/usr/bin/env python3
"""A resume-safe client for Stowage's Sessions API (seed 004, "File Upload API"), using requests.

The upload loop is the seed's "Resume-safe upload (pseudocode)", step for step:

    resp = GET /uploads/{upload_id}/{name}          -> received (0 if the file is unknown)
    while received < size:
        PUT the chunk [received, received + CHUNK) with Content-Range: bytes start-end/size
        200 -> received = body.received             (advance to the server's high-water mark)
        409 -> received = body.received; continue   (resync, then retry)
        5xx / network error -> sleep(backoff); continue   (retry is safe: chunks are idempotent)
        else -> abort                               (4xx: 413/415/... fix and stop)

and the flow around it is the seed's full example: one session for one or many files (resumable
across runs with API_UPLOAD_ID), then POST /projects, then poll GET /projects/{name} until 100.
Additions, each marked below: every retry loop is bounded, 429 is backed off like 5xx (the seed's
rate-limit section says "back off and retry"), an empty file is sent as one empty whole-file PUT
(the pseudocode's loop would send nothing for it), files may go up in parallel (seed: "upload
different files in parallel"), and events are printed as JSON lines on stderr for the tests.

Usage:
    API_KEY=sk_... python3 stowage_client.py --base http://127.0.0.1:8080/api/v1 \\
        upload [--upload-id ID] [--title T] [--parallel N] [--no-project] [--wait] FILE...

Prints one JSON object on stdout: upload_id, files (name, size, resumed_from, received), project
(name or null), status and record (the project's final GET answer, with --wait). Exit codes: 0 done,
2 aborted on a 4xx answer, 3 the project failed or did not finish in time, 4 retries exhausted.
"""

import argparse
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import requests

CHUNK = 8 * 1024 * 1024  # seed: "8 MiB; any size is fine"
TIMEOUT = (5, 120)  # connect, read


class Aborted(Exception):
    """A 4xx answer the pseudocode says to stop on."""

    def __init__(self, response):
        super().__init__(f"{response.request.method} {response.url} -> {response.status_code} {response.text}")
        self.response = response


class RetriesExhausted(Exception):
    """Addition: the seed retries forever; a tool must end."""


def emit(event, **fields):
    """One JSON line on stderr, flushed: how the tests follow the client's progress."""
    fields["event"] = event
    sys.stderr.write(json.dumps(fields) + "\n")
    sys.stderr.flush()


class StowageClient:
    def __init__(self, base, key, chunk=CHUNK, retries=60, backoff=0.2, max_backoff=5.0, throttle=0.0):
        self.base = base.rstrip("/")
        self.key = key
        self.chunk = chunk
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.throttle = throttle
        self._local = threading.local()

    def _session(self):
        # requests.Session is not thread-safe: one per thread (files upload in parallel).
        s = getattr(self._local, "session", None)
        if s is None:
            s = requests.Session()
            s.headers["Authorization"] = f"Bearer {self.key}"
            self._local.session = s
        return s

    def _sleep(self, attempt, response=None):
        delay = min(self.backoff * (2 ** min(attempt, 10)), self.max_backoff)
        if response is not None and response.headers.get("Retry-After", "").isdigit():
            delay = min(float(response.headers["Retry-After"]), self.max_backoff)
        time.sleep(delay)

    def _call(self, method, path, **kwargs):
        """A request that is retried on network errors, 5xx and 429; returns any other answer."""
        for attempt in range(self.retries + 1):
            try:
                r = self._session().request(method, self.base + path, timeout=TIMEOUT, **kwargs)
            except requests.RequestException as error:
                emit("retry", method=method, path=path, error=type(error).__name__)
                self._sleep(attempt)
                continue
            if r.status_code >= 500 or r.status_code == 429:
                emit("retry", method=method, path=path, status=r.status_code)
                self._sleep(attempt, r)
                continue
            return r
        raise RetriesExhausted(f"{method} {path}: no answer after {self.retries} retries")

    def create_session(self):
        r = self._call("POST", "/uploads")
        if r.status_code != 201:
            raise Aborted(r)
        return r.json()["upload_id"]

    def upload_file(self, upload_id, path):
        size = os.path.getsize(path)
        name = os.path.basename(path)
        url = f"/uploads/{upload_id}/{quote(name, safe='')}"

        resp = self._call("GET", url)  # how much does the server already have?
        received = resp.json()["received"] if resp.status_code == 200 else 0
        resumed_from = received
        emit("resume", file=name, received=received, size=size)

        if size == 0:
            # Addition: the pseudocode's loop sends nothing for an empty file; one empty whole-file PUT
            # registers it (docs/protocols/sessions.md: "An empty body makes an empty, complete file").
            r = self._call("PUT", url, data=b"", headers={"Content-Type": "application/octet-stream"})
            if r.status_code != 200:
                raise Aborted(r)
            return {"name": name, "size": 0, "resumed_from": 0, "received": 0}

        failures = 0
        with open(path, "rb") as f:
            while received < size:
                f.seek(received)
                chunk = f.read(self.chunk)
                end = received + len(chunk) - 1
                try:
                    resp = self._session().put(
                        self.base + url,
                        data=chunk,
                        headers={
                            "Content-Type": "application/octet-stream",
                            "Content-Range": f"bytes {received}-{end}/{size}",
                        },
                        timeout=TIMEOUT,
                    )
                except requests.RequestException as error:  # network error: backoff, retry (idempotent)
                    failures = self._failed(failures, name, error=type(error).__name__)
                    continue
                if resp.status_code == 200:  # advance to the server's high-water mark
                    received = resp.json()["received"]
                    failures = 0
                    emit("progress", file=name, received=received, size=size)
                    if self.throttle:
                        time.sleep(self.throttle)  # test hook: a slow network
                elif resp.status_code == 409:  # resync, then retry
                    received = resp.json()["received"]
                    failures = self._count(failures, name, status=409, received=received)
                elif resp.status_code >= 500 or resp.status_code == 429:  # backoff, retry
                    failures = self._failed(failures, name, status=resp.status_code, response=resp)
                else:  # 4xx (413/415/...) -> fix and stop
                    raise Aborted(resp)
        # now resp.body.complete == true
        return {"name": name, "size": size, "resumed_from": resumed_from, "received": received}

    def _count(self, failures, name, **fields):
        failures += 1
        emit("retry", file=name, **fields)
        if failures > self.retries:
            raise RetriesExhausted(f"{name}: {failures} failed attempts in a row")
        return failures

    def _failed(self, failures, name, response=None, **fields):
        failures = self._count(failures, name, **fields)
        self._sleep(failures - 1, response)
        return failures

    def create_project(self, upload_id, title=None):
        body = {"upload_id": upload_id}
        if title is not None:
            body["title"] = title
        # A retried POST for a consumed session answers the same project (docs), so retrying is safe.
        r = self._call("POST", "/projects", json=body)
        if r.status_code != 201:
            raise Aborted(r)
        return r.json()["name"]

    def wait_for_project(self, name, timeout=120.0, interval=0.2):
        deadline = time.monotonic() + timeout
        while True:
            r = self._call("GET", f"/projects/{quote(name, safe='')}")
            if r.status_code != 200:
                raise Aborted(r)
            record = r.json()
            emit("project", name=name, status=record["status"])
            if record["status"] in (100, -1) or time.monotonic() >= deadline:
                return record
            time.sleep(interval)


def run_upload(client, args):
    upload_id = args.upload_id or os.environ.get("API_UPLOAD_ID") or client.create_session()
    emit("session", upload_id=upload_id)
    result = {"upload_id": upload_id, "files": [], "project": None, "status": None, "record": None}
    with ThreadPoolExecutor(max_workers=max(1, args.parallel)) as pool:
        result["files"] = list(pool.map(lambda p: client.upload_file(upload_id, p), args.files))
    if args.no_project:
        return result, 0
    name = client.create_project(upload_id, args.title)
    result["project"] = name
    if args.wait:
        record = client.wait_for_project(name, timeout=args.timeout)
        result["status"] = record["status"]
        result["record"] = record
        if record["status"] != 100:
            return result, 3
    return result, 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="Resume-safe uploads to the Sessions API (seed 004).")
    parser.add_argument("--base", required=True, help="API base, e.g. http://127.0.0.1:8080/api/v1")
    parser.add_argument("--key", default=os.environ.get("API_KEY"), help="API key (default: $API_KEY)")
    parser.add_argument("--chunk", type=int, default=CHUNK, help="chunk size in bytes")
    parser.add_argument("--retries", type=int, default=60, help="most retries in a row before giving up")
    parser.add_argument("--max-backoff", type=float, default=5.0, help="longest pause between retries, seconds")
    parser.add_argument("--throttle", type=float, default=0.0, help="seconds to pause after each chunk (tests)")
    commands = parser.add_subparsers(dest="command", required=True)
    upload = commands.add_parser("upload", help="upload files into one session and create a project")
    upload.add_argument("files", nargs="+")
    upload.add_argument("--upload-id", help="resume this session (default: $API_UPLOAD_ID, else a new one)")
    upload.add_argument("--title")
    upload.add_argument("--parallel", type=int, default=1, help="files uploaded at once")
    upload.add_argument("--no-project", action="store_true", help="only upload")
    upload.add_argument("--wait", action="store_true", help="poll the project until it is ready")
    upload.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the project")
    args = parser.parse_args(argv)
    if not args.key:
        parser.error("no API key: pass --key or set API_KEY")

    client = StowageClient(args.base, args.key, chunk=args.chunk, retries=args.retries,
                           max_backoff=args.max_backoff, throttle=args.throttle)
    try:
        result, code = run_upload(client, args)
    except Aborted as error:
        r = error.response
        try:
            body = r.json()
        except ValueError:
            body = {"text": r.text}
        print(json.dumps({"aborted": True, "status": r.status_code, "error": body.get("error"), "body": body}))
        return 2
    except RetriesExhausted as error:
        print(json.dumps({"aborted": True, "error": "retries_exhausted", "message": str(error)}))
        return 4
    print(json.dumps(result))
    return code


if __name__ == "__main__":
    sys.exit(main())

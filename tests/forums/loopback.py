"""A small HTTP server on 127.0.0.1 for what cassettes cannot show: real sockets, slow answers,
where a connection really goes. Bounded: each answer ends by itself within a few seconds."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    seen: list[dict]  # set per server

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        self.seen.append({"path": self.path, "host": self.headers.get("Host"), "agent": self.headers.get("User-Agent")})
        route = {
            "/ok": self._ok,
            "/slow": self._slow,
            "/to-file": lambda: self._redirect("file:///etc/passwd"),
            "/loop": lambda: self._redirect("/loop"),
            "/busy-for-an-hour": self._busy,
        }.get(self.path.split("?")[0], self._not_found)
        route()

    def _ok(self):
        body = b"<html><body><article><p>hello</p></article></body></html>"
        self._head(200, {"Content-Type": "text/html", "Content-Length": str(len(body))})
        self.wfile.write(body)

    def _slow(self):
        """Headers at once, then a byte every 0.1 s for at most 5 s."""
        self._head(200, {"Content-Type": "text/html", "Content-Length": "50"})
        try:
            for _ in range(50):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as it should

    def _redirect(self, location: str):
        self._head(302, {"Location": location, "Content-Length": "0"})

    def _busy(self):
        self._head(429, {"Retry-After": "3600", "Content-Length": "0"})

    def _not_found(self):
        self._head(404, {"Content-Length": "0"})

    def _head(self, status: int, headers: dict):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()


@contextmanager
def serve():
    """(port, requests seen) of a server that lives for the `with` block."""
    seen: list[dict] = []
    handler = type("BoundHandler", (Handler,), {"seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], seen
    finally:
        server.shutdown()
        server.server_close()

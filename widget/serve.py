"""Serves the chat widget and its demo page on loopback (Python stdlib only).

    python widget/serve.py --port 8080 --server http://127.0.0.1:5005

Only the widget's public files are served. The demo page gets the Rasa server's address and a
strict Content-Security-Policy: scripts and styles from this server only, requests only to Rasa.
Its query string tries the embed options: /?country=FR&primary=%23ffd400&open=true
"""
import argparse
import html
import re
import sys
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from vigie.directory import COUNTRIES

ROOT = Path(__file__).resolve().parent
PUBLIC = {
    "index.html": "text/html; charset=utf-8",
    "neutre.html": "text/html; charset=utf-8",
    "demo.css": "text/css; charset=utf-8",
    "vigie-widget.css": "text/css; charset=utf-8",
    "vigie-widget.js": "text/javascript; charset=utf-8",
}
WIDGET_PREFIX = "/widget/"
SERVER_PLACEHOLDER = "__VIGIE_SERVER__"
OPTIONS_PLACEHOLDER = " data-demo-options"
# Embed options the demo page accepts from its query string, each with the values allowed.
DEMO_OPTIONS = {
    "country": re.compile("|".join(COUNTRIES)),
    "primary": re.compile(r"#[0-9a-fA-F]{6}"),
    "quit-color": re.compile(r"#[0-9a-fA-F]{6}"),
    "open": re.compile(r"true"),
}


def origin(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return f"{parts.scheme}://{parts.netloc}"


def security_headers(server_url: str) -> dict:
    policy = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
              f"connect-src {origin(server_url)}; base-uri 'none'; form-action 'none'; "
              "frame-ancestors 'none'")
    return {"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


def demo_options(query: str) -> str:
    """data-* attributes for the valid options in the query string; anything else is dropped."""
    attributes = []
    for name, values in parse_qs(query).items():
        allowed = DEMO_OPTIONS.get(name)
        if allowed and allowed.fullmatch(values[-1]):
            attributes.append(f' data-{name}="{html.escape(values[-1], quote=True)}"')
    return "".join(attributes)


def page_body(name: str, server_url: str, query: str = "") -> bytes:
    text = (ROOT / name).read_text(encoding="utf-8")
    if name == "index.html":
        text = text.replace(SERVER_PLACEHOLDER, html.escape(server_url.rstrip("/"), quote=True))
        text = text.replace(OPTIONS_PLACEHOLDER, demo_options(query))
    return text.encode("utf-8")


class WidgetHandler(BaseHTTPRequestHandler):
    server_version = "VigieWidget"
    sys_version = ""

    def __init__(self, *args, server_url: str, **kwargs):
        self.server_url = server_url
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        url = urlsplit(self.path)
        # the embed tag's path (README, deploy/nginx.conf.template) and the demo page's own
        name = url.path.removeprefix(WIDGET_PREFIX).lstrip("/") or "index.html"
        if name not in PUBLIC:
            self.send_error(404, "Not found")
            return
        body = page_body(name, self.server_url, url.query)
        self.send_response(200)
        self.send_header("Content-Type", PUBLIC[name])
        self.send_header("Content-Length", str(len(body)))
        for header, value in security_headers(self.server_url).items():
            self.send_header(header, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        sys.stderr.write("%s %s\n" % (self.log_date_time_string(), format % args))


def make_server(port: int, server_url: str, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    origin(server_url)  # fail now on a bad address, not at the first page view
    httpd = ThreadingHTTPServer((host, port), partial(WidgetHandler, server_url=server_url))
    httpd.daemon_threads = True
    return httpd


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1", help="loopback by default")
    parser.add_argument("--server", default="http://127.0.0.1:5005", help="Rasa's base URL")
    args = parser.parse_args(argv)
    httpd = make_server(args.port, args.server, args.host)
    print(f"Widget : http://{args.host}:{args.port}/ (Rasa : {args.server})", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Types a query into a built site's search box in headless Chromium and prints the results.

Usage: browser-search.py SITE_DIR PAGE QUERY [--prefix /notes/] [--screenshot FILE.png]
       browser-search.py http://127.0.0.1:8000/ PAGE QUERY   (a running `notesim serve`)

Serves SITE_DIR over HTTP on 127.0.0.1 (under PREFIX, to check sub-path hosting), opens
PAGE in headless Chromium, waits for the Pagefind search box, types QUERY one character at
a time (as a keyboard would insert them), waits for results, and prints them as JSON:
{"results": [{"title": ..., "href": ...}, ...]}. Exit status 1 when the box or the results
never appear. Only the standard library is used: Chromium is driven through the DevTools
protocol over a pipe (--remote-debugging-pipe), so no WebSocket client is needed.
"""
import functools
import http.server
import json
import sys
import tempfile
import threading
import time

from devtools import DevTools, find_chromium


class PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the directory under a URL prefix, like a host publishing under a sub-path."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):
        pass


def main():
    arguments = sys.argv[1:]
    options = {"--prefix": "/", "--screenshot": None}
    for name in options:
        if name in arguments:
            index = arguments.index(name)
            options[name] = arguments[index + 1]
            del arguments[index:index + 2]
    prefix, screenshot = options["--prefix"], options["--screenshot"]
    site, page, query = arguments
    chromium = find_chromium()
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2

    server = None
    if site.startswith("http://"):
        url = site + page
    else:
        PrefixHandler.prefix = prefix
        handler = functools.partial(PrefixHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}{prefix}{page}"

    with tempfile.TemporaryDirectory() as profile:
        tools = DevTools(chromium, profile)
        try:
            session = tools.open_page()
            tools.send("Page.navigate", {"url": url}, session)
            box = tools.wait_for(session, "!!document.querySelector('.pagefind-ui__search-input')", 20)
            if not box:
                print(json.dumps({"error": "no search box appeared", "url": url}))
                return 1
            tools.evaluate(session, "document.querySelector('.pagefind-ui__search-input').focus()")
            for character in query:
                tools.send("Input.insertText", {"text": character}, session)
                time.sleep(0.03)
            results = tools.wait_for(session, """(() => {
                const links = [...document.querySelectorAll('.pagefind-ui__result-link')];
                return links.length ? links.map(a => ({title: a.textContent.trim(), href: a.getAttribute('href')})) : null;
            })()""", 20)
            if screenshot:
                import base64
                time.sleep(0.5)
                image = tools.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
                with open(screenshot, "wb") as file:
                    file.write(base64.b64decode(image))
            print(json.dumps({"url": url, "results": results or []}, ensure_ascii=False))
            return 0 if results else 1
        finally:
            tools.close()
            if server:
                server.shutdown()


if __name__ == "__main__":
    sys.exit(main())

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
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time


class PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the directory under a URL prefix, like a host publishing under a sub-path."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):
        pass


class DevTools:
    """A DevTools protocol connection over Chromium's debugging pipe (fd 3 in, fd 4 out)."""

    def __init__(self, chromium, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # The child gets the pipe ends as fds 3 and 4 (a shell redirection does the moving,
        # so it is right whichever numbers the pipes got here).
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                   "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank"]
        self.process = subprocess.Popen(
            ["sh", "-c", f'exec 3<&{to_browser_read} 4>&{from_browser_write}; exec "$@"', "sh", *command],
            pass_fds=(to_browser_read, from_browser_write),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        self.process.wait(timeout=10)


def evaluate(tools, session, expression):
    result = tools.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    return result.get("result", {}).get("value")


def wait_for(tools, session, expression, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = evaluate(tools, session, expression)
        if value:
            return value
        time.sleep(0.1)
    return None


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
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
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
            target = tools.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            tools.send("Page.navigate", {"url": url}, session)
            box = wait_for(tools, session, "!!document.querySelector('.pagefind-ui__search-input')", 20)
            if not box:
                print(json.dumps({"error": "no search box appeared", "url": url}))
                return 1
            evaluate(tools, session, "document.querySelector('.pagefind-ui__search-input').focus()")
            for character in query:
                tools.send("Input.insertText", {"text": character}, session)
                time.sleep(0.03)
            results = wait_for(tools, session, """(() => {
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

"""A DevTools protocol connection to headless Chromium over --remote-debugging-pipe.

Shared by Tools/browser-search.py and Tools/figure-check.py. Only the standard library is
used: the pipe carries NUL-separated JSON messages, so no WebSocket client is needed.
"""
import json
import os
import shutil
import subprocess
import time


def find_chromium():
    """The Chromium executable on PATH, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class DevTools:
    """A DevTools protocol connection over Chromium's debugging pipe (fd 3 in, fd 4 out)."""

    def __init__(self, chromium, profile, extra_arguments=()):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # The child gets the pipe ends as fds 3 and 4 (a shell redirection does the moving,
        # so it is right whichever numbers the pipes got here).
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                   "--user-data-dir=" + profile, "--window-size=1280,900", *extra_arguments, "about:blank"]
        self.process = subprocess.Popen(
            ["sh", "-c", f'exec 3<&{to_browser_read} 4>&{from_browser_write}; exec "$@"', "sh", *command],
            pass_fds=(to_browser_read, from_browser_write),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0

    def send(self, method, params=None, session=None):
        """Sends a command and returns its result (events that arrive meanwhile are dropped)."""
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

    def open_page(self):
        """A new tab, attached: returns its session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        return self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def evaluate(self, session, expression):
        """The value of a JavaScript expression in the page (awaited when it is a promise)."""
        result = self.send("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True}, session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def wait_for(self, session, expression, seconds):
        """Polls an expression until it is truthy; None after `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.evaluate(session, expression)
            if value:
                return value
            time.sleep(0.1)
        return None

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

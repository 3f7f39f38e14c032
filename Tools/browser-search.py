#!/usr/bin/env python3
"""Types a query into a built site's search box in headless Chromium and prints the results.

Usage: browser-search.py SITE_DIR PAGE QUERY [--prefix /notes/] [--width 390] [--dark]
                         [--compose] [--keys] [--each] [--max-age SECONDS]
                         [--then ACTION ...] [--screenshot FILE.png]
       browser-search.py http://127.0.0.1:8000/ PAGE QUERY   (a running `notesim serve`)
       browser-search.py SITE_DIR PAGE --terms CASES.json    (the browser's tokenizer on each case)

Serves SITE_DIR over HTTP on 127.0.0.1 (under PREFIX, to check sub-path hosting), opens PAGE
in headless Chromium at WIDTH px (light, or dark with --dark), waits for notesim's search box,
focuses it with the `/` key, types QUERY one character at a time (with --compose, as an input
method does: each character first composed, then committed), and prints JSON:
{"results": [{"title", "href", "sub", "subHref", "marks"}], "status", "ms", "layout", "keys"}.
`ms` is the time from the last keystroke to the results in the page; `layout` lists what
does not fit the window (the panel, the box, a result line cut, the typed text hidden);
with --keys, `keys` is what ArrowDown, ArrowUp and Escape did; with --each, `each` is the
status after each character typed; `placeholder` is the contrast of the box's placeholder
on its background, `ariaExpanded` the input's attribute. --max-age serves every file with
`Cache-Control: max-age=SECONDS` (as GitHub Pages does). Each --then ACTION runs after the
query, in order, and adds the page's state after it to `steps` ({path, panel, active,
value, status, results}): enter, escape, tab-out (Tab until focus leaves the box),
refocus (blur the box, focus it again), compose-down and compose-escape (the key sent as
an input method's, isComposing set), type:TEXT (typed, not waited for), type-enter:TEXT
(typed, then Enter at once), type-enter-escape:TEXT (typed, Enter, then Escape before the
results come), search:TEXT (the
box emptied, TEXT typed and its results waited for), run:COMMAND (a shell command in the
current folder, such as a rebuild), reload (the page opened again). Exit status 1 when the box
never appears. Only the standard library is used: Chromium is driven through the DevTools
protocol over a pipe (--remote-debugging-pipe), so no WebSocket client is needed.
"""
import base64
import functools
import http.server
import json
import subprocess
import sys
import tempfile
import threading
import time

from devtools import DevTools, find_chromium

LAYOUT = """(() => {
  const problems = [];
  const width = window.innerWidth, height = window.innerHeight;
  const fits = (name, el) => {
    if (!el || el.hidden) return;
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5 || r.top < -0.5) problems.push(`${name} off-screen: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
  };
  const input = document.querySelector('.site-search input');
  fits('box', input);
  fits('panel', document.querySelector('.site-search-panel'));
  if (input && input.scrollWidth > input.clientWidth + 1) problems.push(`input text hidden: ${input.scrollWidth} > ${input.clientWidth}`);
  for (const el of document.querySelectorAll('.site-search-results a, .site-search-excerpt, .site-search-status')) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`line cut: ${el.className} ${el.textContent.slice(0, 30)}`);
    fits(el.className, el);
  }
  return problems;
})()"""

RESULTS = """(() => {
  const panel = document.querySelector('.site-search-panel');
  if (!panel || panel.hidden) return null;
  return [...document.querySelectorAll('.site-search-results li')].map(li => {
    const page = li.querySelector('.site-search-page'), sub = li.querySelector('.site-search-sub');
    return {title: page.textContent, href: new URL(page.href).pathname + new URL(page.href).hash,
            sub: sub ? sub.textContent : null, subHref: sub ? new URL(sub.href).pathname + new URL(sub.href).hash : null,
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
            excerpt: li.querySelector('.site-search-excerpt') ? li.querySelector('.site-search-excerpt').textContent : null};
  });
})()"""


STATE = """(() => {
  const box = document.querySelector('.site-search'), panel = document.querySelector('.site-search-panel');
  const a = document.activeElement, input = document.querySelector('.site-search input');
  return {path: location.pathname + location.hash, panel: !panel ? 'none' : panel.hidden ? 'closed' : 'open',
          active: !a ? null : a === input ? 'input' : box && box.contains(a) ? 'result' : a.tagName.toLowerCase(),
          value: input ? input.value : null, status: document.querySelector('.site-search-status')?.textContent ?? null,
          results: document.querySelectorAll('.site-search-results li').length};
})()"""

# The contrast of the placeholder's colour on the input's background (WCAG 2).
PLACEHOLDER = """(() => {
  const input = document.querySelector('.site-search input');
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const fg = lum(getComputedStyle(input, '::placeholder').color), bg = lum(getComputedStyle(input).backgroundColor);
  return Math.round((Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) * 100) / 100;
})()"""


class PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the directory under a URL prefix, like a host publishing under a sub-path."""

    prefix = "/"
    max_age = None

    def end_headers(self):
        if self.max_age is not None:
            self.send_header("Cache-Control", f"max-age={self.max_age}")
        super().end_headers()

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):
        pass


def key(tools, session, name, code, text=None):
    """Presses and releases one key."""
    down = {"type": "keyDown", "key": name, "code": code, "windowsVirtualKeyCode": {"ArrowDown": 40, "ArrowUp": 38, "Escape": 27, "/": 191, "Enter": 13, "Tab": 9}.get(name, 0)}
    if text:
        down["text"] = text
    tools.send("Input.dispatchKeyEvent", down, session)
    tools.send("Input.dispatchKeyEvent", {**down, "type": "keyUp"}, session)


def type_query(tools, session, query, compose):
    """Types the query; the last keystroke's time goes into window.__typedAt."""
    for index, character in enumerate(query):
        if index == len(query) - 1:
            tools.evaluate(session, """(() => {
              const status = document.querySelector('.site-search-status');
              window.__searchedAt = null;
              new MutationObserver((_, o) => { window.__searchedAt = performance.now(); o.disconnect(); })
                .observe(document.querySelector('.site-search-panel'), {subtree: true, childList: true, characterData: true, attributes: true});
              window.__typedAt = performance.now();
            })()""")
        if compose:
            tools.send("Input.imeSetComposition", {"text": character, "selectionStart": 1, "selectionEnd": 1}, session)
            time.sleep(0.02)
        tools.send("Input.insertText", {"text": character}, session)
        time.sleep(0.03)


WAIT_FOR_SEARCH = "window.__searchedAt !== null && !!document.querySelector('.site-search-status').textContent"


def mark_search(tools, session):
    """Notes in window.__searchedAt when the panel next changes."""
    tools.evaluate(session, """(() => {
      window.__searchedAt = null;
      new MutationObserver((_, o) => { window.__searchedAt = performance.now(); o.disconnect(); })
        .observe(document.querySelector('.site-search-panel'), {subtree: true, childList: true, characterData: true, attributes: true});
    })()""")


def act(tools, session, action, url):
    """Does one --then action."""
    name, _, argument = action.partition(":")
    if name == "enter":
        key(tools, session, "Enter", "Enter", "\r")
        time.sleep(1.5)
        tools.wait_for(session, "document.readyState === 'complete'", 10)
    elif name == "escape":
        key(tools, session, "Escape", "Escape")
    elif name == "tab-out":
        for _ in range(40):
            key(tools, session, "Tab", "Tab")
            if not tools.evaluate(session, "document.querySelector('.site-search').contains(document.activeElement)"):
                break
    elif name == "refocus":
        tools.evaluate(session, "document.querySelector('.site-search input').blur()")
        tools.evaluate(session, "document.querySelector('.site-search input').focus()")
    elif name in ("compose-down", "compose-escape"):
        which = "ArrowDown" if name == "compose-down" else "Escape"
        tools.evaluate(session, f"""document.querySelector('.site-search input').dispatchEvent(new KeyboardEvent('keydown',
          {{key: '{which}', code: '{which}', isComposing: true, keyCode: 229, bubbles: true, cancelable: true}}))""")
    elif name in ("type", "type-enter", "type-enter-escape"):
        for character in argument:
            tools.send("Input.insertText", {"text": character}, session)
        if name == "type-enter":
            return act(tools, session, "enter", url)
        if name == "type-enter-escape":
            key(tools, session, "Enter", "Enter", "\r")
            key(tools, session, "Escape", "Escape")
            time.sleep(1.5)
    elif name == "search":
        tools.evaluate(session, "(() => { const i = document.querySelector('.site-search input'); i.focus(); i.value = ''; })()")
        mark_search(tools, session)
        for character in argument:
            tools.send("Input.insertText", {"text": character}, session)
            time.sleep(0.03)
        tools.wait_for(session, WAIT_FOR_SEARCH, 20)
        time.sleep(0.3)
    elif name == "run":
        subprocess.run(argument, shell=True, check=True, stdout=subprocess.DEVNULL)
    elif name == "reload":
        tools.send("Page.navigate", {"url": url}, session)
        time.sleep(0.5)
        tools.wait_for(session, "document.readyState === 'complete'", 20)
        tools.wait_for(session, "(() => { const b = document.querySelector('.site-search'); return b && !b.hidden; })()", 10)
    time.sleep(0.3)
    return tools.evaluate(session, STATE)


def type_each(tools, session, query):
    """Types the query a character at a time, the status after each."""
    statuses = []
    for character in query:
        mark_search(tools, session)
        tools.send("Input.insertText", {"text": character}, session)
        tools.wait_for(session, WAIT_FOR_SEARCH, 20)
        time.sleep(0.3)
        statuses.append(tools.evaluate(session, "document.querySelector('.site-search-status').textContent"))
    return statuses


def keyboard(tools, session):
    """What the arrow keys and Escape do, as the active element's description after each."""
    active = "(() => { const a = document.activeElement; return a.tagName === 'INPUT' ? 'input' : a.className + ':' + a.textContent; })()"
    steps = {}
    key(tools, session, "ArrowDown", "ArrowDown")
    steps["down"] = tools.evaluate(session, active)
    key(tools, session, "ArrowDown", "ArrowDown")
    steps["down2"] = tools.evaluate(session, active)
    key(tools, session, "ArrowUp", "ArrowUp")
    key(tools, session, "ArrowUp", "ArrowUp")
    steps["up2"] = tools.evaluate(session, active)
    key(tools, session, "Escape", "Escape")
    steps["escape"] = tools.evaluate(session, "document.querySelector('.site-search-panel').hidden ? 'closed' : 'open'")
    return steps


def main():
    arguments = sys.argv[1:]
    options = {"--prefix": "/", "--screenshot": None, "--width": "1280", "--terms": None, "--max-age": None}
    flags = {"--dark": False, "--compose": False, "--keys": False, "--each": False}
    then = []
    while "--then" in arguments:
        index = arguments.index("--then")
        then.append(arguments[index + 1])
        del arguments[index:index + 2]
    for name in options:
        if name in arguments:
            index = arguments.index(name)
            options[name] = arguments[index + 1]
            del arguments[index:index + 2]
    for name in flags:
        if name in arguments:
            flags[name] = True
            arguments.remove(name)
    prefix, screenshot, width = options["--prefix"], options["--screenshot"], int(options["--width"])
    site, page = arguments[0], arguments[1]
    query = arguments[2] if len(arguments) > 2 else ""
    chromium = find_chromium()
    if not chromium:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2

    server = None
    if site.startswith("http://") or site.startswith("file://"):
        url = site + page
    else:
        PrefixHandler.prefix = prefix
        PrefixHandler.max_age = options["--max-age"]
        handler = functools.partial(PrefixHandler, directory=site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}{prefix}{page}"

    with tempfile.TemporaryDirectory() as profile:
        tools = DevTools(chromium, profile, [f"--window-size={width},900"])
        try:
            session = tools.open_page()
            tools.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": 844 if width < 600 else 900, "deviceScaleFactor": 1, "mobile": width < 600}, session)
            tools.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if flags["--dark"] else "light"}]}, session)
            tools.send("Page.navigate", {"url": url}, session)
            tools.wait_for(session, "document.readyState === 'complete'", 20)
            if options["--terms"]:
                cases = json.load(open(options["--terms"]))
                tools.wait_for(session, "!!window.notesimSearch", 10)
                got = tools.evaluate(session, f"{json.dumps([c['text'] for c in cases])}.map(t => window.notesimSearch.queryTerms(t).terms)")
                print(json.dumps({"terms": got}, ensure_ascii=False))
                return 0
            box = tools.wait_for(session, "(() => { const b = document.querySelector('.site-search'); return b && !b.hidden; })()", 10)
            if not box:
                print(json.dumps({"error": "no search box appeared", "url": url}))
                return 1
            key(tools, session, "/", "Slash", "/")
            focused = tools.evaluate(session, "document.activeElement === document.querySelector('.site-search input')")
            each = type_each(tools, session, query) if flags["--each"] else None
            if not flags["--each"]:
                type_query(tools, session, query, flags["--compose"])
            tools.wait_for(session, WAIT_FOR_SEARCH, 20)
            time.sleep(0.3)
            ms = tools.evaluate(session, "window.__searchedAt === null ? null : Math.round(window.__searchedAt - window.__typedAt)")
            results = tools.evaluate(session, RESULTS)
            output = {"url": url, "focusedBySlash": focused, "status": tools.evaluate(session, "document.querySelector('.site-search-status').textContent"),
                      "ms": ms, "results": results or [], "layout": tools.evaluate(session, LAYOUT),
                      "images": tools.evaluate(session, "document.querySelectorAll('.site-search-panel img').length"),
                      # The theme's script gives each heading its "#" self-link (notesim.js).
                      "headingLinks": tools.evaluate(session, "[...document.querySelectorAll('.note .heading-anchor')].map(a => a.parentElement.id + ' ' + a.getAttribute('href'))"),
                      "placeholder": tools.evaluate(session, PLACEHOLDER),
                      "ariaExpanded": tools.evaluate(session, "document.querySelector('.site-search input').getAttribute('aria-expanded')")}
            if each is not None:
                output["each"] = each
            if screenshot:
                image = tools.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
                with open(screenshot, "wb") as file:
                    file.write(base64.b64decode(image))
            if flags["--keys"]:
                output["keys"] = keyboard(tools, session)
            if then:
                output["steps"] = [act(tools, session, action, url) for action in then]
            print(json.dumps(output, ensure_ascii=False))
            return 0
        finally:
            tools.close()
            if server:
                server.shutdown()


if __name__ == "__main__":
    sys.exit(main())

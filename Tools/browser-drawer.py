#!/usr/bin/env python3
"""Drives a built page's phone drawer and theme button in headless Chromium; prints JSON.

Usage: browser-drawer.py PAGE.html

Opens PAGE (a file of a built site, from disk) at 390 px and reports what a keyboard user
meets: whether the closed drawer's links can take the focus, what opening it does, what
Escape does from inside it and from the search box, and whether the theme button states
its state (aria-pressed) before and after a click. Only the standard library is used.
"""
import json
import os
import sys
import tempfile
import time

from devtools import DevTools, find_chromium

STATE = """(() => {
  const sidebar = document.getElementById('sidebar'), button = document.querySelector('.sidebar-toggle');
  const focusable = [...sidebar.querySelectorAll('a, button, input')];
  const reachable = focusable.filter(e => { e.focus(); return document.activeElement === e; }).length;
  document.activeElement.blur();
  return {visibility: getComputedStyle(sidebar).visibility, reachable: reachable, links: focusable.length,
          open: document.documentElement.classList.contains('sidebar-open'), expanded: button.getAttribute('aria-expanded')};
})()"""


def escape(devtools, session):
    for kind in ("keyDown", "keyUp"):
        devtools.send("Input.dispatchKeyEvent", {"type": kind, "key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27}, session)
    time.sleep(0.3)


def main():
    page = os.path.abspath(sys.argv[1])
    devtools = DevTools(find_chromium(), tempfile.mkdtemp(), ["--window-size=390,844"])
    try:
        session = devtools.open_page()
        devtools.send("Page.navigate", {"url": "file://" + page}, session)
        devtools.wait_for(session, "!!document.querySelector('.sidebar-toggle:not([hidden])') && !!document.querySelector('#sidebar a')", 10)
        report = {"closed": devtools.evaluate(session, STATE)}
        devtools.evaluate(session, "document.querySelector('.sidebar-toggle').click()")
        time.sleep(0.4)
        report["opened"] = devtools.evaluate(session, STATE)
        devtools.evaluate(session, "document.querySelector('#sidebar a').focus()")
        escape(devtools, session)
        report["focusAfterEscape"] = devtools.evaluate(session, "document.activeElement.className")
        report["escapeInside"] = devtools.evaluate(session, STATE)
        button = "document.querySelector('.theme-toggle')"
        report["pressed"] = [devtools.evaluate(session, button + ".getAttribute('aria-pressed')")]
        devtools.evaluate(session, button + ".click()")
        report["pressed"].append(devtools.evaluate(session, button + ".getAttribute('aria-pressed')"))
        print(json.dumps(report))
    finally:
        devtools.close()


if __name__ == "__main__":
    main()

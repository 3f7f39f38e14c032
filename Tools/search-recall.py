#!/usr/bin/env python3
"""Top-3 recall of a built site's search over a query set, in headless Chromium.

Usage: search-recall.py SITE_DIR QUERIES.json SET [--pagefind] [--bytes QUERY]

Serves SITE_DIR (a built site) on 127.0.0.1, opens its home page and runs each query of the
SET ("repository" or "corpus") of QUERIES.json (Benchmarks/search/queries.json) through
notesim's search (window.notesimSearch.top), or with --pagefind through Pagefind's API
(pagefind/pagefind.js in SITE_DIR, made by running Pagefind on the site first). Prints one
line per query (hit or miss, and the first three results) and "top-3 recall: H/N".
With --bytes QUERY it prints instead how many bytes the browser fetched to show that
query's results after the page had loaded, typed into the box (notesim's search only): the
index's files and the result pages their excerpts come from.
"""
import functools
import http.server
import json
import sys
import tempfile
import threading

from devtools import DevTools, find_chromium


class Quiet(http.server.SimpleHTTPRequestHandler):
    fetched = []

    def log_message(self, *args):
        pass

    def end_headers(self):
        Quiet.fetched.append((self.path, int(self.headers.get("Content-Length", 0) or 0)))
        super().end_headers()


PAGEFIND = """(async (q) => {
  window.__pf = window.__pf || await import('/pagefind/pagefind.js');
  const r = await window.__pf.search(q);
  const data = await Promise.all(r.results.slice(0, 3).map(x => x.data()));
  // Pagefind gives folder addresses (lambda/) for index pages.
  return data.map(d => d.url.replace(/^\\//, '').replace(/(^|\\/)$/, '$1index.html'));
})"""


def main():
    arguments = sys.argv[1:]
    pagefind = "--pagefind" in arguments
    if pagefind:
        arguments.remove("--pagefind")
    bytes_query = None
    if "--bytes" in arguments:
        index = arguments.index("--bytes")
        bytes_query = arguments[index + 1]
        del arguments[index:index + 2]
    site, queries_path, which = arguments
    queries = json.load(open(queries_path))[which]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    with tempfile.TemporaryDirectory() as profile:
        tools = DevTools(find_chromium(), profile)
        try:
            session = tools.open_page()
            tools.send("Page.navigate", {"url": url}, session)
            tools.wait_for(session, "document.readyState === 'complete' && !!window.notesimSearch", 20)
            tools.wait_for(session, "!document.querySelector('.site-search').hidden", 20)
            if bytes_query:
                sizes = tools.evaluate(session, """(async (q) => {
                  performance.clearResourceTimings();
                  const input = document.querySelector('.site-search input');
                  const status = document.querySelector('.site-search-status');
                  input.value = q;
                  input.dispatchEvent(new Event('input'));
                  for (let waited = 0; !status.textContent && waited < 20000; waited += 20) {
                    await new Promise((done) => setTimeout(done, 20));
                  }
                  return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize]);
                })""" + f"({json.dumps(bytes_query)})")
                print(json.dumps({"query": bytes_query, "files": len(sizes), "bytes": sum(s for _, s in sizes), "fetched": sizes}, ensure_ascii=False))
                return 0
            hits = 0
            for query, expected in queries:
                if pagefind:
                    top = tools.evaluate(session, f"{PAGEFIND}({json.dumps(query)})")
                else:
                    top = tools.evaluate(session, f"window.notesimSearch.top({json.dumps(query)}, 3)")
                top = [t.split("#")[0] for t in top or []]
                hit = expected in top
                hits += hit
                print(f"{'hit ' if hit else 'MISS'} {query!r}: {top}")
            print(f"top-3 recall: {hits}/{len(queries)}")
            return 0
        finally:
            tools.close()
            server.shutdown()


if __name__ == "__main__":
    sys.exit(main())

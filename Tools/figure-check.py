#!/usr/bin/env python3
"""Measures timeline figures in headless Chromium and reports collisions and layout problems.

Usage: figure-check.py [--site DIR] [--gallery SVG_DIR --css STYLE.css] [--widths FILE.json]
                       [--screenshots OUT_DIR] [--keep-gallery DIR]

Loads every page of a built site (--site) that holds a figure, and a gallery page per SVG
file of SVG_DIR (each drawn as the site draws a figure, with the site's stylesheet), at
1280 and 390 CSS px wide, light and dark (prefers-color-scheme emulation). In each view it
reads every SVG text's box and every mark's, and reports as problems:

  overlap        two texts, or a text and another mark's shape, a tick or a break mark, closer
                 than 2 px (texts are boxed by their advance width from getBBox and an ink band
                 from 0.85 em above the baseline to 0.2 em below: CJK ideographs and Latin
                 descenders; the full line box of Noto Sans CJK is 1.45 em and would make the
                 figure's 14 px label rows "overlap" when nothing on screen does)
  outside        a text outside the SVG's viewBox
  duplicate      the same text twice in one lane of a figure, one above the other (x ranges
                 overlap; "[window]" above and below one batch)
  wait-twice     a break's "+hidden time" label over a retry wait whose label says the time
  page-scroll    the page scrolls sideways (scrollingElement.scrollWidth > innerWidth)
  figure-scroll  at 1280 px, a figure's box scrolls sideways (scrollWidth > clientWidth)
  small-text     at 390 px, an SVG text drawn under 11 CSS px
  lane-names     at 390 px, a figure that scrolls without its lane-name column fixed in view
  unreachable    at 390 px, a figure wider than its box that the box does not scroll
  contrast       a text under 4.5:1 against the page background (WCAG AA)
  width          (--widths) the estimator's width of a sample is more than 2 px under the
                 browser's (the label placer keeps 2 px on each side of a label, so an error up
                 to 2 px still leaves 2 px between neighbours) or over it by more than 25 %
                 (room taken from other labels for nothing)

Prints one JSON object (counts, per-script width statistics, the problems) and exits 1 when
there is any problem, 2 when Chromium is missing. --screenshots writes a PNG per figure and
view (and one scrolled to the right at 390 px). Standard library only; Chromium is driven
through the DevTools protocol over a pipe (Tools/devtools.py).
"""
import argparse
import base64
import html
import json
import os
import pathlib
import re
import sys
import tempfile
import time

from devtools import DevTools, find_chromium

VIEWS = [(1280, "light"), (1280, "dark"), (390, "light"), (390, "dark")]
MEASURE_JS = (pathlib.Path(__file__).parent / "figure-check.js").read_text()


def gallery_pages(svg_dir, css, out):
    """Writes one page per SVG file, each figure wrapped as the site's figure partial wraps it."""
    pages = []
    for svg_path in sorted(pathlib.Path(svg_dir).glob("*.svg")):
        svg = svg_path.read_text()
        pages.append(write_gallery_page(svg_path.stem, svg, css, out))
    return pages


def lane_column(svg):
    """The sticky lane-name column the site puts before a figure (SVGWriter.writeLaneColumn):
    the same element, rebuilt from the SVG's lanes group id, gutter and height."""
    lanes = re.search(r'<g class="tl-lanes" id="([^"]+)"', svg)
    rule = re.search(r'class="tl-lane-rule" d="M([0-9.]+) ', svg)
    height = re.search(r'viewBox="0 0 [0-9.]+ ([0-9.]+)"', svg)
    if not (lanes and rule and height):
        return ""
    g, h, ref = rule.group(1), height.group(1), lanes.group(1)
    return f'<svg class="tl-lane-column" width="{g}" height="{h}" aria-hidden="true"><use href="#{ref}"/></svg>'


def write_gallery_page(name, svg, css, out):
    page = out / f"{name}.html"
    page.write_text(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{html.escape(name)}</title><link rel=\"stylesheet\" href=\"{pathlib.Path(css).resolve().as_uri()}\">"
        "</head><body><main class=\"content\"><article class=\"note\">"
        f"<h1>{html.escape(name)}</h1><figure class=\"timeline scenario\" id=\"{html.escape(name)}\">"
        f"<figcaption><strong>{html.escape(name)}</strong></figcaption>"
        f"<div class=\"tl-scroll\">{lane_column(svg)}{svg}</div></figure></article></main></body></html>")
    return page


def site_pages(site):
    """Every HTML page of a built site that holds a timeline figure."""
    return [path for path in sorted(pathlib.Path(site).rglob("*.html"))
            if b'class="tl"' in path.read_bytes()]


def load(tools, session, url):
    tools.send("Page.navigate", {"url": url}, session)
    ready = "document.readyState === 'complete' && document.fonts.status === 'loaded'"
    if not tools.wait_for(session, ready, 20):
        raise RuntimeError(f"{url} did not finish loading")


def set_view(tools, session, width, scheme):
    tools.send("Emulation.setDeviceMetricsOverride",
               {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}, session)
    tools.send("Emulation.setEmulatedMedia",
               {"features": [{"name": "prefers-color-scheme", "value": scheme}]}, session)


def intersects(a, b, gap):
    """Whether two boxes (x, y, w, h) come closer than `gap` px in both directions."""
    return (a[0] < b[0] + b[2] + gap and b[0] < a[0] + a[2] + gap
            and a[1] < b[1] + b[3] + gap and b[1] < a[1] + a[3] + gap)


def figure_problems(figure, where):
    """Collisions, texts outside the view box, duplicates and twice-labelled waits of a figure."""
    problems = []
    texts, shapes = figure["texts"], figure["shapes"]
    width, height = figure["viewBox"]

    def say(kind, message):
        problems.append({"kind": kind, "where": where, "figure": figure["id"], "message": message})

    if figure.get("missedMarks"):
        say("marks", f"{figure['missedMarks']} marks not measured: the figure's mark groups are not where this check looks")
    for i, a in enumerate(texts):
        box = a["box"]
        if box[0] < -0.5 or box[1] < -0.5 or box[0] + box[2] > width + 0.5 or box[1] + box[3] > height + 0.5:
            say("outside", f"{a['text']!r} at {fmt(box)} leaves the view box 0 0 {width} {height}")
        for b in texts[i + 1:]:
            if intersects(box, b["box"], 2):
                say("overlap", f"{a['text']!r} {fmt(box)} and {b['text']!r} {fmt(b['box'])}")
            if (a["text"] == b["text"] and a["lane"] == b["lane"]
                    and box[0] < b["box"][0] + b["box"][2] and b["box"][0] < box[0] + box[2]):
                say("duplicate", f"{a['text']!r} drawn twice, at {fmt(box)} and {fmt(b['box'])}")
        for shape in shapes:
            if shape["mark"] is not None and shape["mark"] == a["mark"]:
                continue
            if intersects(box, shape["box"], 0 if shape["kind"] == "mark" else 1):
                say("overlap", f"{a['text']!r} {fmt(box)} and the {shape['what']} at {fmt(shape['box'])}")
    for label in (t for t in texts if t["role"] == "tl-break-label"):
        centre = label["box"][0] + label["box"][2] / 2
        for wait in figure["waits"]:
            if wait["labelled"] and wait["x0"] < centre < wait["x1"]:
                say("wait-twice", f"break label {label['text']!r} over the retry wait labelled {wait['label']!r}")
    return problems


def view_problems(result, width, where):
    """Page- and figure-level problems of one page in one view (scrolling, text size, contrast)."""
    problems = []

    def say(kind, figure, message):
        problems.append({"kind": kind, "where": where, "figure": figure, "message": message})

    if result["scrollWidth"] > result["innerWidth"]:
        say("page-scroll", None, f"the page is {result['scrollWidth']} px wide in a {result['innerWidth']} px window")
    for figure in result["figures"]:
        problems += figure_problems(figure, where)
        box = figure["box"]
        if width >= 1000 and box["scrollWidth"] > box["clientWidth"]:
            say("figure-scroll", figure["id"], f"{box['scrollWidth']} px of figure in a {box['clientWidth']} px box")
        if width < 600:
            small = [t for t in figure["texts"] if t["fontPx"] < 11 - 0.01]
            if small:
                say("small-text", figure["id"], f"{len(small)} texts under 11 px, e.g. {small[0]['text']!r} at {small[0]['fontPx']:.1f} px")
            if box["scrollWidth"] > box["clientWidth"] and not figure["laneColumnFixed"]:
                say("lane-names", figure["id"], "the figure scrolls and its lane names scroll away with it")
            if box["scrollWidth"] > box["clientWidth"] and not box["scrollable"]:
                say("unreachable", figure["id"], "part of the figure is cut off and cannot be scrolled to")
        low = [t for t in figure["texts"] if t["contrast"] < 4.5]
        if low:
            say("contrast", figure["id"], f"{len(low)} texts under 4.5:1, e.g. {low[0]['text']!r} at {low[0]['contrast']:.2f}:1")
    return problems


def width_problems(samples, measured):
    """Estimator against browser, per sample, and the statistics per script."""
    problems, stats = [], {}
    for sample, browser in zip(samples, measured):
        estimate = sample["estimate"]
        ratio = estimate / browser if browser else 0
        group = stats.setdefault(sample["script"], {"samples": 0, "minRatio": 9.0, "maxRatio": 0.0, "maxUnderPx": 0.0})
        group["samples"] += 1
        group["minRatio"] = round(min(group["minRatio"], ratio), 3)
        group["maxRatio"] = round(max(group["maxRatio"], ratio), 3)
        group["maxUnderPx"] = round(max(group["maxUnderPx"], browser - estimate), 2)
        if browser - estimate > 2 or estimate > browser * 1.25 + 0.5:
            problems.append({"kind": "width", "where": "estimator", "figure": None,
                             "message": f"{sample['text']!r} ({sample['script']}): estimated {estimate:.1f} px, browser {browser:.1f} px"})
    return problems, stats


def screenshot(tools, session, path, element_id, scroll_right=False):
    """A PNG of one figure as the reader sees it (scrolled to its right end on request)."""
    rect = tools.evaluate(session, f"""(() => {{
        const figure = document.getElementById({json.dumps(element_id)});
        const box = figure.querySelector('.tl-scroll') || figure;
        box.scrollLeft = {'box.scrollWidth' if scroll_right else '0'};
        figure.scrollIntoView();
        const r = figure.getBoundingClientRect();
        return {{x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}};
    }})()""")
    time.sleep(0.1)
    clip = {"x": max(0, rect["x"] - 8), "y": max(0, rect["y"] - 8), "width": rect["width"] + 16,
            "height": rect["height"] + 16, "scale": 1}
    data = tools.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}, session)["data"]
    path.write_bytes(base64.b64decode(data))


def check(tools, session, pages, samples, shots):
    report = {"pages": len(pages), "views": len(VIEWS), "figures": 0, "texts": 0, "marks": 0, "problems": []}
    measured_widths = None
    for width, scheme in VIEWS:
        set_view(tools, session, width, scheme)
        for label, page in pages:
            load(tools, session, page.as_uri())
            result = tools.evaluate(session, MEASURE_JS + f"\nmeasure({json.dumps([s['text'] for s in samples])})")
            where = f"{label} {width}px {scheme}"
            report["problems"] += view_problems(result, width, where)
            report["figures"] += len(result["figures"])
            report["texts"] += sum(len(f["texts"]) for f in result["figures"])
            report["marks"] += sum(f["marks"] for f in result["figures"])
            if measured_widths is None and result["figures"]:
                measured_widths = result["sampleWidths"]
            if shots:
                for figure in result["figures"]:
                    stem = f"{label.replace('/', '-').removesuffix('.html')}-{figure['id']}-{scheme}-{width}"
                    screenshot(tools, session, shots / f"{stem}.png", figure["id"])
                    if width < 600 and figure["box"]["scrollWidth"] > figure["box"]["clientWidth"]:
                        screenshot(tools, session, shots / f"{stem}-scrolled.png", figure["id"], scroll_right=True)
    if samples:
        problems, report["widths"] = width_problems(samples, measured_widths or [0] * len(samples))
        report["problems"] += problems
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", help="a built site: every page with a figure is checked")
    parser.add_argument("--gallery", help="a folder of figure SVGs: each is checked on a page of its own")
    parser.add_argument("--css", default=str(pathlib.Path(__file__).parent.parent / "Sources/SiteBuilder/Theme/style.css"))
    parser.add_argument("--widths", help="JSON list of {text, script, estimate} at 11 px to compare with the browser")
    parser.add_argument("--screenshots", help="write a PNG of every figure in every view into this folder")
    parser.add_argument("--keep-gallery", help="write the gallery pages here instead of a temporary folder")
    arguments = parser.parse_args()
    chromium = find_chromium()
    if not chromium:
        print("chromium is not installed (apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 2
    samples = json.loads(pathlib.Path(arguments.widths).read_text()) if arguments.widths else []
    shots = pathlib.Path(arguments.screenshots) if arguments.screenshots else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        pages = []
        if arguments.site:
            site = pathlib.Path(arguments.site).resolve()
            pages += [(str(p.relative_to(site)), p) for p in site_pages(site)]
        if arguments.gallery:
            out = pathlib.Path(arguments.keep_gallery or os.path.join(scratch, "gallery")).resolve()
            out.mkdir(parents=True, exist_ok=True)
            pages += [("gallery/" + p.name, p) for p in gallery_pages(arguments.gallery, arguments.css, out)]
        tools = DevTools(chromium, os.path.join(scratch, "profile"), ["--hide-scrollbars"])
        try:
            session = tools.open_page()
            report = check(tools, session, pages, samples, shots)
        finally:
            tools.close()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if report["problems"] or not report["figures"] else 0


def fmt(box):
    return "[" + " ".join(f"{v:.1f}" for v in box) + "]"


if __name__ == "__main__":
    sys.exit(main())

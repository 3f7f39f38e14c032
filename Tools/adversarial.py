#!/usr/bin/env python3
"""Runs notesim on hostile sites and command lines as a user would, and checks each outcome.

Usage: adversarial.py NOTESIM [--only NAME] [--list]

Every case builds a small site in a fresh temporary folder, runs the real executable in a
child process with a time limit and an address-space limit, and checks:
- the process ended by itself (no signal, no time-out) with the exit status the case expects;
- its output names the diagnostic the case expects (or must not name);
- nothing outside the case's folder changed (a sentinel folder beside it is compared);
- the case's own check of the files it left (for example, a page's links).

It prints one line per case and a summary `N passed, N failed`; the exit status is 1 when a
case failed. docs/reliability.md reports the figures of the last run (`make adversarial`).
"""
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TIME_LIMIT = 20          # seconds per command
MEMORY_LIMIT = 2 << 30   # bytes of address space per command (RLIMIT_AS)
NOTESIM = None


class Site:
    """A temporary site folder with a sentinel folder beside it."""

    def __init__(self, files):
        self.root = tempfile.mkdtemp(prefix="notesim-adversarial-")
        self.site = os.path.join(self.root, "site")
        self.outside = os.path.join(self.root, "outside")
        os.makedirs(self.outside)
        with open(os.path.join(self.outside, "keep.txt"), "w") as f:
            f.write("must not change\n")
        for path, data in files.items():
            full = os.path.join(self.site, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(data.encode() if isinstance(data, str) else data)
        os.makedirs(os.path.join(self.site, "content"), exist_ok=True)
        self.sentinel = digest(self.outside)

    def path(self, relative):
        return os.path.join(self.site, relative)

    def run(self, *arguments, cwd=None):
        """Runs notesim; returns (status or -signal or None on time-out, stdout, stderr, seconds, peak KB)."""
        def limit():
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        start = time.monotonic()
        process = subprocess.Popen([NOTESIM, *arguments], cwd=cwd or self.site, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, preexec_fn=limit)
        try:
            out, err = process.communicate(timeout=TIME_LIMIT)
            status = process.returncode
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
            status = None
        elapsed = time.monotonic() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return status, out.decode(errors="replace"), err.decode(errors="replace"), elapsed, peak

    def confined(self):
        return digest(self.outside) == self.sentinel

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


def digest(folder):
    """A hash of every file name and content under a folder, links not followed."""
    h = hashlib.sha256()
    for base, dirs, files in sorted(os.walk(folder)):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(base, name)
            h.update(full.encode())
            if os.path.islink(full) or not os.path.isfile(full):
                continue
            with open(full, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def scenario(body, title="# A\n\n"):
    return title + "```scenario\n" + body + "\n```\n"


# Each case: name, files, command (list), expected status, text the output must contain (or None),
# and an optional check(site, stdout, stderr) -> error text or None.
CASES = []


def case(name, files, command, status, expect=None, check=None, prepare=None):
    CASES.append((name, files, command, status, expect, check, prepare))


# 1. Bounded by what a reader can use.
case("sqs-retry-until-retention", {"content/a.md": scenario(
    "mode: sqs\nqueue: { VisibilityTimeout: 1 }\nfunction: { Timeout: 1, duration: 100ms, fails: always }\nrecords:\n  - at: 0s")},
    ["check"], 1, "[scenario.limit]")
case("kinesis-failing-forever", {"content/a.md": scenario(
    "mode: kinesis\nfunction: { fails: always }\nassume: { stream-retry-delay: 1ms }\nrecords:\n  - at: 0s")},
    ["check"], 1, "[scenario.limit]")
case("ten-million-sync-events", {"content/a.md": scenario(
    "mode: sync\nevents:\n  - { at: 0s, count: 10000000, every: 1ms }")}, ["check"], 1, "[scenario.limit]")
case("until-past-horizon", {"content/a.md": scenario("mode: sync\nuntil: 30d\nevents:\n  - at: 0s")},
     ["check"], 1, "(limits.horizon)")
# 2. Numbers and nesting.
case("count-int64-max-plus-one", {"content/a.md": scenario(
    "mode: sync\nevents:\n  - { at: 0s, count: 9223372036854775807 }\n  - at: 1s")}, ["check"], 1, "error:")
case("concurrency-int64-min", {"content/a.md": scenario(
    "mode: sync\naccount: { ConcurrentExecutions: -9223372036854775808 }\nevents:\n  - at: 0s")}, ["check"], 1, "error:")
case("every-int64-max", {"content/a.md": scenario(
    "mode: sync\nevents:\n  - { at: 0s, count: 3, every: 9223372036854775807ms }")}, ["check"], 1, "error:")
case("recursive-partial", {"content/a.md": "# A\n", "templates/partials/footer.mustache": "{{> partials/footer}}"},
     ["build", "--no-search"], 1, "error:")
case("mutual-partials", {"content/a.md": "# A\n", "templates/partials/footer.mustache": "{{> partials/other}}",
                         "templates/partials/other.mustache": "{{> partials/footer}}"}, ["build", "--no-search"], 1, "error:")
case("layout-includes-itself", {"content/a.md": "# A\n", "templates/layout.mustache": "<html>{{> layout}}</html>"},
     ["build", "--no-search"], 1, "error:")
case("five-thousand-nested-sections", {"content/a.md": "# A\n",
                                       "templates/partials/footer.mustache": "{{#a}}" * 5000 + "x" + "{{/a}}" * 5000},
     ["build", "--no-search"], None)
case("flow-yaml-20000-deep-scenario", {"content/a.md": scenario("mode: sync\nevents: " + "[" * 20000 + "]" * 20000)},
     ["check"], 1, "error:")
case("flow-yaml-20000-deep-front-matter", {"content/a.md": "---\ntitle: " + "[" * 20000 + "]" * 20000 + "\n---\n# A\n"},
     ["check"], 1, "error:")
case("flow-yaml-20000-deep-settings", {"content/a.md": "# A\n", "notesim.yml": "title: " + "{a: " * 20000 + "1" + "}" * 20000 + "\n"},
     ["check"], 1, "error:")
BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" \
       "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" \
       "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
case("alias-bomb-front-matter", {"content/a.md": "---\n" + BOMB + "---\n# A\n"}, ["check"], 1, "error:")
case("alias-bomb-settings", {"content/a.md": "# A\n", "notesim.yml": BOMB}, ["check"], 1, "error:")
case("alias-bomb-scenario", {"content/a.md": scenario("mode: sync\nevents:\n  - at: 0s\n" + BOMB.replace("a:", "xa:"))},
     ["check"], 1, "error:")


# 3. No hang.
def make_fifos(*paths):
    def prepare(site):
        for p in paths:
            os.makedirs(os.path.dirname(site.path(p)), exist_ok=True)
            os.mkfifo(site.path(p))
    return prepare


case("fifo-note-image-settings", {"content/a.md": "# A\n\n![i](p.png)\n"}, ["check"], 1, "[file.not-regular]",
     prepare=make_fifos("content/x.md", "content/p.png", "notesim.yml"))
case("five-thousand-near-miss-anchors", {"content/a.md": "# A\n\n" + "".join(f"## heading {i}\n\n" for i in range(5000))
                                         + "".join(f"[x](#heading-{i}x)\n" for i in range(5000))}, ["check"], 1, "[link.broken-anchor]")
case("twenty-thousand-missing-links", {"content/a.md": "# A\n\n" + "".join(f"[x](missing-{i}.md)\n" for i in range(20000))},
     ["check"], 1, "[link.missing-file]")
case("flow-list-300000-attempts", {"content/a.md": scenario(
    "mode: async\nfunction: { fails: [" + ", ".join(str(i) for i in range(1, 300001)) + "] }\nevents:\n  - at: 0s")},
    ["check"], None)


# 4. Names are data.
def hrefs_are_encoded(site, out, err):
    index = open(site.path("public/index.html"), encoding="utf-8").read()
    return None if 'href="javascript:' not in index else "index.html has a javascript: link"


case("javascript-file-name", {"content/javascript:alert(1);x.md": "# X\n", "content/h#1.md": "# H\n", "content/100%.md": "# P\n"},
     ["build", "--no-search"], 0, None, hrefs_are_encoded)
case("newline-in-link", {"content/a.md": "# A\n\n[x](a%0A::error::pwned.md)\n"}, ["check", "--format", "github"], 1, None,
     lambda site, out, err: "an annotation line starts with ::error::pwned" if "\n::error::pwned" in out else None)
# 5. CRLF front matter.
case("crlf-draft", {"content/a.md": "---\r\ndraft: true\r\n---\r\n# Draft\r\n", "content/b.md": "# B\n"}, ["build", "--no-search"], 0,
     None, lambda site, out, err: "the draft was published" if os.path.exists(site.path("public/a.html")) else None)
# 6. No silent overwrite.
case("toc-note-collision", {"content/toc.md": "# T\n"}, ["check"], 1, "[output.collision]")
case("html-beside-note", {"content/m.md": "# M\n", "content/a.md": "# A\n\n[m](m.html)\n", "content/m.html": "<p>m</p>"},
     ["check"], 1, "[output.collision]")
# 7. Nothing half-published.
case("output-trailing-slash", {"content/a.md": "# A\n"}, ["build", ".", "--output", "out/", "--no-search"], 0, "into out/")
# 8. Publishing never escapes.


def link_in_destination(site):
    """A published folder in which a page was replaced by a link to a file outside."""
    for command in (["build", "--no-search"], ["publish", "--to", "dest"]):
        subprocess.run([NOTESIM, *command], cwd=site.site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.remove(site.path("dest/a.html"))
    os.symlink(os.path.join(site.outside, "keep.txt"), site.path("dest/a.html"))


case("publish-through-symlink", {"content/a.md": "# A\n"}, ["publish", "--to", "dest"], 0, "[publish.link-removed]",
     prepare=link_in_destination)
case("publish-branch-head", {"content/a.md": "# A\n"}, ["publish", "--git-branch", "HEAD"], 2, "HEAD")


def link_in_content(site):
    os.symlink(site.outside, site.path("content/elsewhere"))


case("new-through-symlink", {}, ["new", "elsewhere/x"], 1, "[new.through-link]", prepare=link_in_content)
case("init-title-with-colon", {}, ["init", "fresh", "--title", "SQS: batching"], 0, None,
     lambda site, out, err: None if "SQS: batching" in open(site.path("fresh/notesim.yml"), encoding="utf-8").read() else "title lost")


def run_case(name, files, command, status, expect, check, prepare):
    site = Site(files)
    try:
        if prepare:
            prepare(site)
        got, out, err, seconds, peak = site.run(*command)
        problems = []
        if got is None:
            problems.append(f"did not finish in {TIME_LIMIT} s")
        elif got < 0:
            problems.append(f"killed by signal {-got}")
        elif status is not None and got != status:
            problems.append(f"exit {got}, expected {status}")
        elif status is None and got not in (0, 1):
            problems.append(f"exit {got}")
        if expect and expect not in out + err:
            problems.append(f"output lacks {expect!r}")
        if not site.confined():
            problems.append("changed a file outside the site")
        if check and got is not None and got >= 0:
            problem = check(site, out, err)
            if problem:
                problems.append(problem)
        return problems, seconds, peak, (out + err).strip().splitlines()[-1:] if problems else []
    finally:
        site.remove()


def main():
    global NOTESIM
    arguments = sys.argv[1:]
    if not arguments:
        print(__doc__)
        return 2
    NOTESIM = os.path.abspath(arguments[0])
    only = arguments[arguments.index("--only") + 1] if "--only" in arguments else None
    if "--list" in arguments:
        for name, *_ in CASES:
            print(name)
        return 0
    passed = failed = 0
    slowest = (0.0, "")
    for name, *rest in CASES:
        if only and name != only:
            continue
        problems, seconds, peak, tail = run_case(name, *rest)
        slowest = max(slowest, (seconds, name))
        if problems:
            failed += 1
            print(f"FAIL {name} ({seconds:.2f} s): {'; '.join(problems)} {tail}")
        else:
            passed += 1
            print(f"ok   {name} ({seconds:.2f} s)")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"slowest: {slowest[1]} {slowest[0]:.2f} s; largest child: {peak} MB; limits: {TIME_LIMIT} s, {MEMORY_LIMIT >> 20} MB each")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

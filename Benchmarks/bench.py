#!/usr/bin/env python3
"""`make bench`: notesim against Hugo and a libcmark floor on the same generated notes.

Usage: bench.py NOTESIM FLOOR [--sizes 1000,10000] [--runs 3] [--corpora light,heavy] [--work DIR]

Two corpora (Benchmarks/corpus.py): `light` notes carry three small scenario blocks, `heavy`
ones three blocks of 160–500 trace events per note in every mode (about 330 on average). For
each corpus and size it measures, side by side (the commands take turns, round after round)
and into fresh output folders (old outputs are deleted only at the end, since deleting many
files right before a build slows it down):

- notesim full build as users run it (search index included): `notesim build --no-cache`
  into an empty folder, and the bytes it wrote; and the same with `--no-search`, to show
  what the search index costs;
- `notesim check --no-cache` (verifies without writing; its memory must stay under build's);
- Hugo (Debian's `hugo`) on the same notes, scenario blocks left as plain code;
- the floor: a C program that parses and renders every note with libcmark and writes it;
- an incremental `notesim build` after one note is edited, and `notesim serve`'s rebuild
  after one edit (both with the search index).

It prints medians with min–max, CPU time (user + system, from wait4: on a shared machine it
moves less than wall time), peak RSS, output bytes (with and without the search index), and
the ratios the performance issues set as targets, and the cost of creating one file before and
after the timed rounds (`creation_probe`), and writes the same report to WORK/report.md.
"""
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, cwd=None):
    """Runs a command; returns (seconds, peak RSS in MiB, CPU seconds: user + system).

    Pending writes (the previous run's hundreds of megabytes) are flushed first, so that no
    run is timed while the kernel writes back another one's output.
    """
    os.sync()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(command)}\n{error}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def summary(samples):
    """Median, range and peak RSS of (seconds, RSS[, CPU seconds]) samples, and the median CPU
    time when measured: on a shared machine CPU time moves less than wall time."""
    times = [sample[0] for sample in samples]
    cpus = [sample[2] for sample in samples if len(sample) > 2]
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "rss": max(sample[1] for sample in samples), "runs": len(times), "cpu": statistics.median(cpus) if cpus else None}


# The original text of every note the bench edits, restored at the end of each size so the
# corpus stays the deterministic one corpus.py wrote (otherwise edits would pile up and each
# run would measure a different corpus).
EDITED = {}


def edit(corpus, number):
    path = os.path.join(corpus, "content", f"n{number:05d}.md")
    if path not in EDITED:
        with open(path, encoding="utf-8") as file:
            EDITED[path] = file.read()
    with open(path, "a", encoding="utf-8") as file:
        file.write(f"\n編集 {number}: 一文を足した。\n")


def restore_edited():
    for path, text in EDITED.items():
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    EDITED.clear()


def serve_rebuilds(notesim, corpus, runs, port):
    """Starts `notesim serve`, edits one note per run, and reads the rebuild times it logs.

    Lines are read on a thread; before each edit whatever the server printed so far is
    dropped, so that only a rebuild that follows the edit is counted.
    """
    process = subprocess.Popen([notesim, "serve", corpus, "--port", str(port)], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, bufsize=1)
    rebuilt = re.compile(r"Rebuilt in (\d+) ms")
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    try:
        while not lines.get(timeout=600).startswith("Serving"):
            pass
        results = []
        for index in range(runs):
            time.sleep(1.0)
            while not lines.empty():
                lines.get_nowait()
            start = time.perf_counter()
            edit(corpus, 500 + index)
            while True:
                match = rebuilt.search(lines.get(timeout=120))
                if match:
                    results.append((int(match.group(1)) / 1000, time.perf_counter() - start))
                    break
        return results
    finally:
        process.terminate()
        process.wait(timeout=30)


def tree_bytes(folder):
    """The bytes of every file under `folder` (what a host would store)."""
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(folder) for name in names)


def events_per_block(notesim, corpus, notes):
    """The mean number of trace events of the first three blocks of a sample of notes: the
    timed lines of `notesim simulate`'s dump, so the report states what the corpus holds."""
    counts = []
    for number in range(1, notes + 1):
        for block in (1, 2, 3):
            dump = subprocess.run([notesim, "simulate", os.path.join(corpus, "content", f"n{number:05d}.md#{block}")],
                                  capture_output=True, text=True).stdout
            counts.append(sum(1 for line in dump.splitlines() if re.match(r"^ *\d+ ms  ", line)))
    return statistics.mean(counts), min(counts), max(counts)


def creation_probe(out, name):
    """Microseconds to create and write one file of 30 KB (the mean over 2,000, in a fresh
    folder under OUT, kept until the end): how costly the kernel finds creating files now.

    Why: on a file system without a journal (this machine's ext4), a new inode skips every
    inode freed in the last minute (six, while its table is unwritten), so a build that
    starts soon after many files were deleted spends seconds in the kernel; a probe far
    above its usual value says that a round's times are the disk's, not the builds'."""
    folder = os.path.join(out, f"probe-{name}")
    os.makedirs(folder)
    payload = b"x" * 30_000
    os.sync()
    start = time.perf_counter()
    for index in range(2_000):
        with open(os.path.join(folder, f"f{index:05d}.html"), "wb") as file:
            file.write(payload)
    return (time.perf_counter() - start) / 2_000 * 1e6


def make_corpus(kind, size, work):
    corpus = os.path.join(work, f"corpus-{kind}-{size}")
    if not os.path.isdir(corpus):
        extra = ["--heavy"] if kind == "heavy" else []
        subprocess.check_call([sys.executable, os.path.join(HERE, "corpus.py"), str(size), corpus] + extra)
    shutil.rmtree(os.path.join(corpus, ".notesim-cache"), ignore_errors=True)
    return corpus


def timed_rows(size, notesim, floor, runs, corpus, out):
    """Full builds of notesim (with and without search) and Hugo, check and the floor: rows,
    output bytes, and the ratios of each round.

    The commands take turns (round 1: each once, round 2: each again, …) rather than running
    one command's runs back to back, so that a shared machine whose speed drifts over a
    minute weighs on every command alike; each round's ratios are kept too, whose median
    holds when the drift does not (what `report` calls "pair by pair")."""
    commands = {
        "notesim": lambda index: [notesim, "build", corpus, "--no-cache", "--output", os.path.join(out, f"notesim-{size}-{index}")],
        "no-search": lambda index: [notesim, "build", corpus, "--no-cache", "--no-search", "--output", os.path.join(out, f"nosearch-{size}-{index}")],
        "check": lambda index: [notesim, "check", corpus, "--no-cache"],
        "hugo": lambda index: ["hugo", "--quiet", "-s", os.path.join(corpus, "hugo"), "-d", os.path.join(out, f"hugo-{size}-{index}")],
        "floor": lambda index: [floor, os.path.join(corpus, "content"), os.path.join(out, f"floor-{size}-{index}")],
    }
    samples = {name: [] for name in commands}
    probes = [creation_probe(out, f"{size}-before")]
    for index in range(runs):
        for name, command in commands.items():
            samples[name].append(run(command(index)))
    probes.append(creation_probe(out, f"{size}-after"))
    rows = {name: summary(taken) for name, taken in samples.items()}
    written = {"notesim": tree_bytes(os.path.join(out, f"notesim-{size}-0")),
               "no-search": tree_bytes(os.path.join(out, f"nosearch-{size}-0")),
               "hugo": tree_bytes(os.path.join(out, f"hugo-{size}-0"))}
    # Each round's ratios of wall time and of CPU time (user + system), which a shared
    # machine moves less.
    rounds = {}
    for name, (a, b) in {"notesim / Hugo": ("notesim", "hugo"), "with / without search": ("notesim", "no-search")}.items():
        rounds[name] = [x[0] / y[0] for x, y in zip(samples[a], samples[b])]
        rounds[name + ", CPU"] = [x[2] / y[2] for x, y in zip(samples[a], samples[b])]
    return rows, written, rounds, probes


def bench_size(kind, size, notesim, floor, runs, work, lines):
    corpus = make_corpus(kind, size, work)
    out = os.path.join(work, "out", kind)
    os.makedirs(out, exist_ok=True)
    content_bytes = tree_bytes(os.path.join(corpus, "content"))
    rows, written, rounds, probes = timed_rows(size, notesim, floor, runs, corpus, out)

    # Incremental: a full build that fills the caches, then one edited note per run.
    incremental_out = os.path.join(out, f"incremental-{size}")
    run([notesim, "build", corpus, "--output", incremental_out])
    samples = []
    for index in range(runs):
        edit(corpus, 100 + index)
        samples.append(run([notesim, "build", corpus, "--output", incremental_out]))
    rows["incremental"] = summary(samples)
    try:
        serve = serve_rebuilds(notesim, corpus, runs, 18_000 + size % 1000 + (500 if kind == "heavy" else 0))
    finally:
        restore_edited()
    if serve:
        rows["serve"] = summary([(rebuild, 0) for rebuild, _ in serve])
        rows["serve-latency"] = summary([(latency, 0) for _, latency in serve])
    report(kind, size, content_bytes, events_per_block(notesim, corpus, 10), runs, rows, written, rounds, probes, lines)


def report(kind, size, content_bytes, events, runs, rows, written, rounds, probes, lines):
    full = rows["notesim"]["median"]
    mean, low, high = events
    lines.append(f"## {kind} corpus, {size:,} notes ({content_bytes / 1e6:.0f} MB of Markdown, {3 * size:,} scenario blocks of "
                 f"{mean:.0f} trace events on average, {low}–{high} in a sample of 30), {runs} runs, median (min–max), peak RSS")
    lines.append("")
    lines.append("| | time | CPU (user + sys) | peak RSS | output |")
    lines.append("| --- | --- | --- | --- | --- |")
    names = {"notesim": "notesim build (full, --no-cache, search index included)", "no-search": "notesim build --no-cache --no-search",
             "check": "notesim check --no-cache", "hugo": "Hugo (scenarios as code)", "floor": "libcmark parse+render+write floor",
             "incremental": "notesim build after editing 1 note", "serve": "notesim serve rebuild after 1 edit",
             "serve-latency": "serve: edit → rebuilt (incl. 250 ms polling)"}
    for key, row in rows.items():
        # Milliseconds for the short rows (a rebuild after one edit), hundredths otherwise.
        digits = 3 if row["median"] < 0.1 else 2
        times = f"{row['median']:.{digits}f} s ({row['min']:.{digits}f}–{row['max']:.{digits}f})"
        memory = f"{row['rss']:,.0f} MiB" if row["rss"] else ""
        output = f"{written[key] / 1e6:,.0f} MB" if key in written else ""
        cpu = f"{row['cpu']:.{digits}f} s" if row["cpu"] is not None else ""
        lines.append(f"| {names[key]} | {times} | {cpu} | {memory} | {output} |")
    lines.append("")
    lines.append(f"- notesim / Hugo time: **{full / rows['hugo']['median']:.2f}×** (target ≤ 0.5×)")
    for name, ratios in rounds.items():
        listed = ", ".join(f"{ratio:.2f}" for ratio in ratios)
        lines.append(f"- {name}, pair by pair (each round's ratio): median **{statistics.median(ratios):.2f}×** ({listed})")
    lines.append(f"- notesim / floor time: **{full / rows['floor']['median']:.2f}×** (target ≤ 2×)")
    lines.append(f"- with / without the search index: **{full / rows['no-search']['median']:.2f}×** time (target ≤ 1.1×)")
    memory_target = "0.25×" if kind == "heavy" else "1×"
    lines.append(f"- notesim / Hugo peak RSS: **{rows['notesim']['rss'] / rows['hugo']['rss']:.2f}×** (target ≤ {memory_target})")
    lines.append(f"- notesim / Hugo output bytes: **{written['notesim'] / written['hugo']:.2f}×** (target ≤ 4×)")
    no_search = rows["no-search"]
    lines.append(f"- without the search index, notesim / Hugo: time **{no_search['median'] / rows['hugo']['median']:.2f}×**, "
                 f"CPU **{no_search['cpu'] / rows['hugo']['cpu']:.2f}×**, peak RSS **{no_search['rss'] / rows['hugo']['rss']:.2f}×**, "
                 f"output bytes **{written['no-search'] / written['hugo']:.2f}×**")
    lines.append(f"- check / build peak RSS: **{rows['check']['rss'] / rows['notesim']['rss']:.2f}×** (target ≤ 1×)")
    lines.append(f"- incremental build / full build: **{100 * rows['incremental']['median'] / full:.1f} %** (target < 5 %)")
    if "serve" in rows:
        lines.append(f"- serve rebuild / full build: **{100 * rows['serve']['median'] / full:.1f} %** (target < 5 %)")
    lines.append(f"- creating a 30 KB file, before and after the timed rounds: {probes[0]:.0f} µs and {probes[1]:.0f} µs "
                 "(far apart, or far above a quiet disk's, they say the kernel's file creation weighed on the rows)")
    lines.append("")


def main():
    arguments = sys.argv[1:]
    options = {"--sizes": "1000,10000", "--runs": "3", "--corpora": "light,heavy", "--work": ".build/bench"}
    for name in list(options):
        if name in arguments:
            index = arguments.index(name)
            options[name] = arguments[index + 1]
            del arguments[index:index + 2]
    notesim, floor = (os.path.abspath(path) for path in arguments)
    work = os.path.abspath(options["--work"])
    os.makedirs(work, exist_ok=True)
    lines = [f"# notesim benchmark ({os.cpu_count()} cores; {subprocess.check_output(['hugo', 'version'], text=True).split()[1]})", ""]
    report = []
    try:
        for kind, size in ((k, int(n)) for n in options["--sizes"].split(",") for k in options["--corpora"].split(",")):
            bench_size(kind, size, notesim, floor, int(options["--runs"]), work, lines)
            print("\n".join(lines), flush=True)
            report += lines
            lines = []
    finally:
        restore_edited()
        shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
    with open(os.path.join(work, "report.md"), "w", encoding="utf-8") as file:
        file.write("\n".join(report) + "\n")
    print(f"(report written to {os.path.join(work, 'report.md')})")


if __name__ == "__main__":
    main()

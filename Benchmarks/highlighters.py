#!/usr/bin/env python3
"""Measures the highlighters Debian packages, for issue 20 point 4 (numbers in the guide).

Usage: highlighters.py [BLOCKS]   (default 1000)

For each candidate: language coverage of the languages notes use, the time of one run on
one small block (startup), and the time per block when BLOCKS blocks (the twelve samples
below, repeated) are highlighted the way a build would drive it: pygments in one process
for all blocks (JSON in, HTML out, as notesim does), `highlight` and GNU `source-highlight`
once per block (neither reads several blocks from one stream). Prints a Markdown table.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

SAMPLES = {
    "yaml": "functions:\n  worker:\n    timeout: 30 # seconds\n    events: [sqs]\n",
    "json": '{"BatchSize": 10, "Enabled": true, "Name": "queue"}\n',
    "sh": 'aws lambda invoke --function-name f out.json && echo "done $?"\n',
    "console": "$ aws sqs list-queues\n{\n  \"QueueUrls\": []\n}\n",
    "python": "def handler(event, context):\n    return {'status': 200, 'n': len(event['Records'])}\n",
    "javascript": "export const handler = async (event) => {\n  return { statusCode: 200 };\n};\n",
    "typescript": "export const handler = async (event: SQSEvent): Promise<void> => {\n  console.log(event.Records.length);\n};\n",
    "java": "public class Handler implements RequestHandler<SQSEvent, Void> {\n  public Void handleRequest(SQSEvent e, Context c) { return null; }\n}\n",
    "go": "func handler(ctx context.Context, e events.SQSEvent) error {\n\treturn nil\n}\n",
    "sql": "SELECT id, status FROM invocations WHERE status = 'failed' ORDER BY id;\n",
    "dockerfile": "FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD [\"app.handler\"]\n",
    "hcl": 'resource "aws_lambda_function" "f" {\n  function_name = "worker"\n  timeout       = 30\n}\n',
}

# Each candidate's name for the language, or None when it has no lexer for it.
HIGHLIGHT_NAMES = {"yaml": "yaml", "json": "json", "sh": "sh", "console": None, "python": "python", "javascript": "js",
                   "typescript": "ts", "java": "java", "go": "go", "sql": "sql", "dockerfile": "dockerfile", "hcl": None}
SOURCE_HIGHLIGHT_NAMES = {"yaml": None, "json": "json", "sh": "sh", "console": None, "python": "python",
                          "javascript": "javascript", "typescript": None, "java": "java", "go": "go", "sql": "sql",
                          "dockerfile": None, "hcl": None}

PYGMENTS = r"""
import json, sys
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
formatter = HtmlFormatter(nowrap=True)
out = []
for language, code in json.load(sys.stdin):
    out.append(highlight(code, get_lexer_by_name(language), formatter))
json.dump(out, sys.stdout)
"""


def timed(command, stdin=None):
    start = time.perf_counter()
    subprocess.run(command, input=stdin, capture_output=True, check=True)
    return time.perf_counter() - start


def pygments(blocks):
    return timed(["python3", "-c", PYGMENTS], json.dumps(blocks).encode())


def per_process(blocks, command):
    folder = tempfile.mkdtemp()
    total = 0.0
    for index, (language, code) in enumerate(blocks):
        path = os.path.join(folder, f"b{index}")
        with open(path, "w") as file:
            file.write(code)
        total += timed(command(language, path))
    shutil.rmtree(folder)
    return total


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    import pygments as module
    from pygments.lexers import get_lexer_by_name
    pyg_names = {}
    for language in SAMPLES:
        try:
            get_lexer_by_name(language)
            pyg_names[language] = language
        except Exception:
            pyg_names[language] = None
    candidates = [
        (f"python3-pygments {module.__version__}, one process", pyg_names,
         lambda blocks: pygments([(pyg_names[l], c) for l, c in blocks])),
        ("highlight 3.41, a process per block", HIGHLIGHT_NAMES,
         lambda blocks: per_process(blocks, lambda l, p: ["highlight", "-O", "html", "-f", "-S", HIGHLIGHT_NAMES[l], "-i", p])),
        ("source-highlight 3.1.9, a process per block", SOURCE_HIGHLIGHT_NAMES,
         lambda blocks: per_process(blocks, lambda l, p: ["source-highlight", "--src-lang", SOURCE_HIGHLIGHT_NAMES[l], "-i", p, "-o", "STDOUT"])),
    ]
    print(f"| candidate | languages (of {len(SAMPLES)}) | missing | one small block | {count} blocks | per further block |")
    print("|---|---|---|---|---|---|")
    for name, names, run in candidates:
        known = [l for l in SAMPLES if names[l]]
        blocks = [(known[i % len(known)], SAMPLES[known[i % len(known)]]) for i in range(count)]
        startup = min(run(blocks[:1]) for _ in range(5))
        total = run(blocks)
        missing = ", ".join(l for l in SAMPLES if not names[l]) or "none"
        print(f"| {name} | {len(known)} | {missing} | {startup * 1000:.0f} ms | {total * 1000:.0f} ms | {(total - startup) / (count - 1) * 1000:.2f} ms |")


if __name__ == "__main__":
    main()

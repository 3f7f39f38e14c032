#!/usr/bin/env python3
"""Generates a deterministic study-site corpus for `make bench`.

Usage: corpus.py N OUT_DIR [--heavy] [--code]

Writes OUT_DIR/content/ with N notes (about 9 KB each) of Japanese prose in the style of a
Lambda study note: headings, nested lists, inline code, links to other notes and to the
note's own headings, and three valid scenario blocks of different modes (synchronous,
asynchronous, and an SQS or Kinesis event source mapping) whose claims hold; with --heavy,
three blocks of 100–500 trace events each in every mode (heavy_scenarios.py). Also writes a
notesim.yml and a Hugo site over the same notes (OUT_DIR/hugo/, scenario blocks as plain
code). With --code, each note also gets three code blocks to highlight (YAML, a console
session, Python), varied by note number, as notes about Lambda carry (measures what
highlighting costs; the `make bench` corpus has none). The same N always gives the same bytes.
"""
import os
import random
import sys

from heavy_scenarios import heavy_scenarios

SUBJECTS = ["関数", "イベント", "レコード", "メッセージ", "バッチ", "キュー", "シャード", "呼び出し元", "実行環境", "ポーラー"]
VERBS = ["再試行される", "破棄される", "送られる", "処理される", "待たされる", "まとめられる", "拒否される", "記録される"]
CONDITIONS = ["タイムアウトしたとき", "エラーを返したとき", "スロットリングされたとき", "ウィンドウが閉じたとき",
              "バッチサイズに達したとき", "可視性タイムアウトが切れたとき", "最大イベント経過時間を過ぎたとき", "シャードがブロックされたとき"]
DETAILS = ["既定値はドキュメントに書かれている", "設定で変えられる", "呼び出し方によって違う", "ソースの種類で変わる",
           "同じ結果になるとは限らない", "冪等に作っておく必要がある", "ログで確かめられる", "メトリクスに現れる"]
TERMS = ["MaximumRetryAttempts", "MaximumEventAgeInSeconds", "BatchSize", "MaximumBatchingWindowInSeconds",
         "VisibilityTimeout", "BisectBatchOnFunctionError", "ReportBatchItemFailures", "ParallelizationFactor"]
TOPICS = ["再試行", "宛先", "バッチ処理", "同時実行", "スロットリング", "順序", "重複", "失敗の扱い"]


def sentence(rng):
    """One sentence of prose, about 60-90 bytes of UTF-8."""
    return (f"{rng.choice(SUBJECTS)}は{rng.choice(CONDITIONS)}に{rng.choice(VERBS)}。"
            f"`{rng.choice(TERMS)}` については{rng.choice(DETAILS)}。")


def paragraph(rng, sentences):
    return "".join(sentence(rng) for _ in range(sentences))


def scenarios(number):
    """Three valid scenario blocks of different modes, their parameters varying by note."""
    duration = 100 + number % 7 * 50
    retries = number % 3
    sync = f"""```scenario
title: "同期呼び出し {number}: エラーは呼び出し元に返る"
mode: sync
function: {{ duration: {duration}ms, fails: always }}
events:
  - at: 0s
expect:
  attempts: 1
  outcome: error-returned
```"""
    attempts = retries + 1
    asynchronous = f"""```scenario
title: "非同期呼び出し {number}: 再試行 {retries} 回のあと OnFailure へ"
mode: async
function: {{ duration: {duration}ms, fails: always }}
EventInvokeConfig: {{ MaximumRetryAttempts: {retries}, DestinationConfig: {{ OnFailure: sqs }} }}
events:
  - at: 0s
expect:
  attempts: {attempts}
  outcome: on-failure
```"""
    if number % 2 == 0:
        count = 3 + number % 5
        source = f"""```scenario
title: "SQS {number}: {count} 件はウィンドウで呼び出される"
mode: sqs
EventSourceMapping: {{ BatchSize: 10, MaximumBatchingWindowInSeconds: 5 }}
records:
  - {{ at: 0s, count: {count} }}
expect:
  batches: [{count}]
  triggers: [window]
```"""
    else:
        count = 4 + number % 4
        source = f"""```scenario
title: "Kinesis {number}: {count} 件を 1 つのバッチで"
mode: kinesis
EventSourceMapping: {{ BatchSize: 100 }}
records:
  - {{ at: 0s, count: {count}, shard: 1 }}
expect:
  batches: [{count}]
```"""
    return [sync, asynchronous, source]


def code_blocks(number):
    """Three code blocks to highlight, different in every note (the cache is by content)."""
    return [
        f"```yaml\n# note {number}\nfunctions:\n  worker{number}:\n    handler: app.handler\n    timeout: {number % 900 + 1}\n"
        f"    events:\n      - sqs: {{ arn: \"arn:aws:sqs:ap-northeast-1:123456789012:q{number}\", batchSize: 10 }}\n```",
        f"```console\n$ aws lambda invoke --function-name worker{number} --payload '{{\"n\": {number}}}' out.json\n"
        f"{{\n    \"StatusCode\": 200,\n    \"ExecutedVersion\": \"$LATEST\"\n}}\n```",
        f"```python\ndef handler(event, context):\n    \"\"\"Note {number}: fail the first record.\"\"\"\n"
        f"    failures = [r[\"messageId\"] for r in event[\"Records\"][:1]]  # retried\n"
        f"    return {{\"batchItemFailures\": [{{\"itemIdentifier\": i}} for i in failures], \"n\": {number}}}\n```",
    ]


def note(number, total, rng, heavy=False, code=False):
    """One note of about 9 KB of prose and three scenario blocks."""
    topic = TOPICS[number % len(TOPICS)]
    headings = [f"{topic}の基本 {number}", f"設定の範囲 {number}", f"失敗したとき {number}", f"まとめ {number}"]
    anchors = [h.replace(" ", "-") for h in headings]
    blocks = heavy_scenarios(number, rng) if heavy else scenarios(number)
    parts = [f"# {topic}のノート {number}\n", paragraph(rng, 1) + "\n"]
    for index, heading in enumerate(headings):
        parts.append(f"## {heading}\n")
        parts.append(paragraph(rng, 3) + "\n")
        other = (number + 1 + index * 37) % total + 1
        parts.append(f"[{topic}のノート {other}](n{other:05d}.md) と [{headings[(index + 1) % 4]}](#{anchors[(index + 1) % 4]}) も参照。\n")
        parts.append("".join([
            f"- {sentence(rng)}\n    - {sentence(rng)}\n    - {sentence(rng)}\n",
            f"- {sentence(rng)}\n    1. {sentence(rng)}\n    2. {sentence(rng)}\n",
        ]))
        parts.append(paragraph(rng, 3) + "\n")
        if index < 3:
            parts.append(blocks[index] + "\n")
            if code:
                parts.append(code_blocks(number)[index] + "\n")
        parts.append(f"### 補足 {index + 1}\n")
        parts.append(paragraph(rng, 1) + "\n")
    return "\n".join(parts)


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "ja"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.renderer]
unsafe = true
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head>\n<body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "_default/single.html": "{{ define \"main\" }}<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main>{{ end }}\n",
    "_default/list.html": "{{ define \"main\" }}<main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main>{{ end }}\n",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def main():
    heavy = "--heavy" in sys.argv
    code = "--code" in sys.argv
    total, out = [argument for argument in sys.argv[1:] if argument not in ("--heavy", "--code")]
    total = int(total)
    rng = random.Random(20261127)
    write(os.path.join(out, "notesim.yml"), "title: bench\nlanguage: ja\n")
    write(os.path.join(out, "hugo", "hugo.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(out, "hugo", "layouts", name), text)
    for number in range(1, total + 1):
        text = note(number, total, rng, heavy, code)
        name = f"n{number:05d}.md"
        write(os.path.join(out, "content", name), text)
        write(os.path.join(out, "hugo", "content", name), text)
    write(os.path.join(out, "content", "index.md"), "# bench\n\nA generated corpus.\n")


if __name__ == "__main__":
    main()

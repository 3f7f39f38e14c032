#!/usr/bin/env bash
# make screenshots: every timeline figure, as a reader sees it in headless Chromium, light and
# dark, at 1280 and 390 px: the golden figures (each on a gallery page with the site's
# stylesheet) and every figure of this repository's site. One PNG per figure and view, plus
# one scrolled to the right end at 390 px (the lane names must still show), into
# .build/screenshots/. Tools/figure-check.py takes them (DevTools screenshots of each figure's
# box: headless --screenshot of a long page sometimes came out blank) and prints its report.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=""
for package in chromium fonts-noto-cjk; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
out="${1:-.build/screenshots}"
rm -rf "$out"
mkdir -p "$out"
swift build -j 1 --product notesim >/dev/null
.build/debug/notesim build . --no-search --quiet --output "$out/site" >/dev/null
status=0
python3 Tools/figure-check.py --site "$out/site" --gallery Tests/TimelineRenderTests/__Snapshots__/TimelineGoldenTests \
  --keep-gallery "$out/gallery" --screenshots "$out" > "$out/figure-check.json" || status=$?
ls "$out"/*.png
python3 - "$out/figure-check.json" <<'SUMMARY'
import json, sys
report = json.load(open(sys.argv[1]))
print(f"{report['figures']} figures, {report['texts']} texts measured; {len(report['problems'])} problems (report: {sys.argv[1]})")
SUMMARY
exit "$status"

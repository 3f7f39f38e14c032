#!/usr/bin/env bash
# make screenshots: renders every golden timeline SVG in a gallery page with the site's
# stylesheet, in light and dark mode, at desktop and phone widths, with headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium fonts-noto-cjk; }
out="${1:-.build/screenshots}"
mkdir -p "$out"
for theme in light dark; do
  page="$out/gallery-$theme.html"
  {
    echo "<!DOCTYPE html><html lang=\"ja\" data-theme=\"$theme\"><head><meta charset=\"utf-8\">"
    echo "<link rel=\"stylesheet\" href=\"$PWD/Sources/SiteBuilder/Theme/style.css\"></head><body><main class=\"content\"><article class=\"note\">"
    for svg in Tests/TimelineRenderTests/__Snapshots__/TimelineGoldenTests/*.svg; do
      echo "<h2>$(basename "$svg" .svg)</h2><figure class=\"timeline\">"
      cat "$svg"
      echo "</figure>"
    done
    echo "</article></main></body></html>"
  } > "$page"
  for size in 1280,3600 390,1500; do
    name="$out/gallery-$theme-${size%%,*}.png"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" --screenshot="$name" "file://$PWD/$page" 2>/dev/null
    echo "$name"
  done
done

# Chosen site pages, with their scenario figures.
swift build --product notesim >/dev/null
.build/debug/notesim build . --output "$out/site" >/dev/null
for page in lambda/invocation lambda/batching; do
  for theme in light dark; do
    flag=""
    [ "$theme" = dark ] && flag="--force-dark-mode --blink-settings=preferredColorScheme=0"
    for size in 1280,3000 390,3000; do
      name="$out/site-$(echo "$page" | tr / -)-$theme-${size%%,*}.png"
      # shellcheck disable=SC2086
      chromium --headless --no-sandbox --disable-gpu --hide-scrollbars $flag --window-size="$size" --screenshot="$name" "file://$PWD/$out/site/$page.html" 2>/dev/null
      echo "$name"
    done
  done
done


#!/bin/bash
# Instructions (valgrind callgrind, Ir) of one full build of a generated 300-note corpus and
# of one incremental build after an edit: a measure that does not move with the machine's
# load (repeated runs agree within 0.2 %), for comparing two versions of notesim.
# usage: Benchmarks/instructions.sh [path/to/notesim]   (default .build/release/notesim)
set -euo pipefail
binary=${1:-.build/release/notesim}
work=.build/bench/instructions
mkdir -p "$work"
corpus="$work/corpus-300"
[ -d "$corpus" ] || python3 Benchmarks/corpus.py 300 "$corpus"
# valgrind cannot read the DWARF of Swift binaries; the symbol table is enough.
objcopy --strip-debug "$binary" "$work/notesim"
count() { valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.$1" "${@:2}" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
rm -rf "$work/out" "$corpus/.notesim-cache"
full=$(count full "$work/notesim" build "$corpus" --no-cache --no-search --output "$work/out" --quiet)
"$work/notesim" build "$corpus" --no-search --output "$work/out" --quiet
echo "edit" >> "$corpus/content/n00100.md"
incremental=$(count incremental "$work/notesim" build "$corpus" --no-search --output "$work/out" --quiet)
python3 - "$corpus/content/n00100.md" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text[: text.rstrip("\n").rfind("\n") + 1])
PY
python3 -c 'import sys; print(f"full build of 300 notes: {int(sys.argv[1]):,} instructions\nincremental build after one edit: {int(sys.argv[2]):,} instructions")' "$full" "$incremental"
echo "(callgrind profiles in $work/; callgrind_annotate --inclusive=yes $work/callgrind.full)"

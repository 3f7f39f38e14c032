# notesim — the two commands a fresh machine needs are `make site` and `make test`.

SWIFT ?= swift
# Release builds link the Swift runtime and Foundation statically: a process then binds no
# dynamic symbols as it starts, which short runs (a rebuild after one edit) would notice.
RELEASE := -c release --static-swift-stdlib
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := libcmark-dev libjemalloc-dev pkg-config
# The browser tests type into a real Chromium (search) and measure figures in it, with the
# Japanese font a reader has (without it, Chromium measures a fallback font's widths).
# cmark-gfm is GitHub's Markdown, the oracle of the differential tests (never used by notesim).
TEST_PACKAGES := chromium fonts-noto-cjk cmark-gfm python3-pygments

.PHONY: adversarial format lint site test setup setup-test apt-install build check clean bench bench-sim bench-instructions fuzz serve-load screenshots subpath-check

## site: install what is missing, build notesim, and build this repository's site into public/
site: setup
	$(SWIFT) build $(RELEASE) --product notesim
	.build/release/notesim build .

## test: install what is missing (also Chromium, fonts-noto-cjk and cmark-gfm) and run the whole test suite
test: setup-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## check: verify every note without writing the site
check: setup
	$(SWIFT) build --product notesim
	.build/debug/notesim check .

## format: format the Swift sources with the toolchain's swift-format and .swift-format
format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Benchmarks Fuzz Package.swift

## lint: check the formatting as CI does (fails on any difference)
lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Benchmarks Fuzz Package.swift

## setup: install the Debian packages notesim builds against (apt-get; sudo when not root);
## the search index is notesim's own, so nothing comes from pip
setup:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(DEBIAN_PACKAGES)"

## setup-test: setup, plus what the tests drive from outside (Chromium, with a Japanese font)
setup-test: setup
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_PACKAGES)"

apt-install:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

## bench: notesim against Hugo and a libcmark floor on 1,000 and 10,000 generated notes
## (light and heavy corpora: full builds with search, check, incremental builds, serve rebuilds), medians and ratios
bench: setup
	@$(MAKE) --no-print-directory apt-install PACKAGES="hugo gcc"
	$(SWIFT) build $(RELEASE) --product notesim
	mkdir -p .build/bench
	gcc -O2 -o .build/bench/cmark-floor Benchmarks/floor/cmark-floor.c $$(pkg-config --cflags --libs libcmark)
	python3 Benchmarks/bench.py .build/release/notesim .build/bench/cmark-floor $(BENCH_ARGS)

## bench-instructions: instructions (callgrind) of a full and an incremental build of 300
## generated notes: the machine-independent measure used to compare versions
bench-instructions: setup
	@$(MAKE) --no-print-directory apt-install PACKAGES="valgrind binutils"
	$(SWIFT) build $(RELEASE) --product notesim
	Benchmarks/instructions.sh .build/release/notesim

## bench-sim: simulator events per second, next to an equivalent SimPy model, with the ratio
bench-sim: setup
	RELEASE="$(RELEASE)" Benchmarks/bench-sim.sh

## fuzz: libFuzzer + AddressSanitizer on the scenario, page and structured (generated sites and
## scenarios, checked against a property) targets, FUZZ_SECONDS each (default 120)
fuzz: setup
	Tools/fuzz.sh $(FUZZ_SECONDS)

## adversarial: hostile sites and command lines run as a user would (Tools/adversarial.py),
## each with a time and memory limit; prints one line per case and "N passed, N failed"
adversarial: setup
	$(SWIFT) build $(RELEASE) --product notesim
	python3 Tools/adversarial.py .build/release/notesim

## serve-load: 500 concurrent connections against `notesim serve` (wrk), memory per round, event streams cut off mid-way
serve-load: setup
	Tools/serve-load.sh

## screenshots: every golden and site timeline figure in headless Chromium, light and dark, 1280 and 390 px,
## one PNG each, with Tools/figure-check.py's report
screenshots: setup
	Tools/screenshots.sh

## subpath-check: serve the site under /notes/ with nginx and crawl it with linkchecker
subpath-check: setup
	Tools/subpath-check.sh

clean:
	rm -rf .build public public.notesim-staging .notesim-cache

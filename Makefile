# notesim — the two commands a fresh machine needs are `make site` and `make test`.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN_PACKAGES := libcmark-dev pkg-config

.PHONY: site test setup build check clean bench-sim screenshots subpath-check

## site: install what is missing, build notesim, and build this repository's site into public/
site: setup
	$(SWIFT) build -c release --product notesim
	.build/release/notesim build .

## test: install what is missing and run the whole test suite
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## check: verify every note without writing the site
check: setup
	$(SWIFT) build --product notesim
	.build/debug/notesim check .

## setup: install the Debian packages notesim builds against (apt-get; sudo when not root)
setup:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

## bench-sim: simulator events per second, next to an equivalent SimPy model, with the ratio
bench-sim: setup
	Benchmarks/bench-sim.sh

## screenshots: the golden timeline figures in headless Chromium, light and dark, desktop and phone
screenshots:
	Tools/screenshots.sh

## subpath-check: serve the site under /notes/ with nginx and crawl it with linkchecker
subpath-check: setup
	Tools/subpath-check.sh

clean:
	rm -rf .build public public.notesim-staging .notesim-cache

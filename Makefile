# briefs — `make briefs` builds every report in SOURCE into OUT; `make test` checks everything.
SOURCE ?= source
OUT ?= out
AUDIENCE ?=
FORMATS ?=
PUBLICATIONS ?=
TSX := node_modules/.bin/tsx
# The pipeline and its dependencies bundled into plain JavaScript: Node starts it in a third of the
# time tsx takes to compile the TypeScript sources on every run, and loads a few large files, not
# hundreds of small ones. Left out (loaded from node_modules): the canvas (a native addon), and
# pdfkit, pdfmake and fontkit, which read data files beside their code and which the patches in
# pipeline/patches/ reach into by requiring their modules.
# cli.js (pipeline/cli/start.ts) reads the options and loads briefs.cjs, the rest, through V8's
# code cache: code-cache.bin, made by building the bundled report once (see
# pipeline/patches/node-code-cache.ts; BRIEFS_PATCHES=off runs without it).
# glibc gives each thread that allocates its own malloc arena, which keeps what it freed; with
# the build threads, the canvas's and libuv's that makes a dozen: two hold a batch's peak memory
# lower, at no cost in time we could measure.
export MALLOC_ARENA_MAX ?= 2
# glibc also raises its threshold for serving a block from mmap each time a large block is freed,
# so that the buffers of later tasks (images, fonts, PDF streams) come from the arenas and leave
# them fragmented; a fixed threshold returns them to the system when freed. Same build time.
export MALLOC_MMAP_THRESHOLD_ ?= 65536
export MALLOC_TRIM_THRESHOLD_ ?= 131072
BUNDLE := node_modules/.cache/briefs/cli.js
BUNDLE_DIR := $(dir $(BUNDLE))
BUNDLE_NEXT := node_modules/.cache/briefs-next
UNBUNDLED := @napi-rs/canvas pdfkit pdfmake fontkit
SOURCES := $(shell find pipeline -name '*.ts' -o -name '*.mjs')

.PHONY: briefs test test-unit test-e2e typecheck clean bundle help audiences
# `make` alone says what it can do.
.DEFAULT_GOAL := help

# A variable given on the command line that no target reads is a typo (FORMAT=pdf would build
# every format): said before anything is built. SHARD is the corpus publications' own.
VARIABLES := SOURCE OUT AUDIENCE FORMATS PUBLICATIONS TEMPLATES JOBS SOURCE_DATE_EPOCH PORT DEBUG BRIEFS_PATCHES NAME SHARD BENCH_RUNS BENCH_REPORT
GIVEN := $(foreach v,$(MAKEOVERRIDES),$(if $(findstring =,$(v)),$(firstword $(subst :, ,$(subst =, ,$(v))))))
UNKNOWN := $(filter-out $(VARIABLES),$(GIVEN))
.PHONY: check-variables
check-variables:
	$(if $(UNKNOWN),$(error unknown variable(s) $(UNKNOWN); the variables are: $(VARIABLES) (see make help)))

# Printed by make itself, so it answers before anything is installed; the command prints the
# same file for --help.
help:
	@cat pipeline/cli/help.txt

# npm writes node_modules/.package-lock.json on install: reinstall when the lock file is newer.
node_modules/.package-lock.json: package-lock.json package.json
	@echo "briefs: installing the npm dependencies (first run, or package-lock.json changed; about 40 s)"
	@npm ci --no-audit --no-fund
	@touch $@

# Made in a folder beside it and moved into place whole: an interrupted make leaves no half bundle
# that looks up to date.
$(BUNDLE): node_modules/.package-lock.json $(SOURCES) Makefile
	@echo "briefs: preparing the bundle (after a change to the code only; about 20 s)"
	@rm -rf $(BUNDLE_NEXT) && mkdir -p $(BUNDLE_NEXT)
	@node_modules/.bin/esbuild pipeline/cli/start.ts --bundle --platform=node --format=esm --outfile=$(BUNDLE_NEXT)/cli.js --log-level=warning
	@node_modules/.bin/esbuild pipeline/cli/entry.ts --bundle --platform=node --format=cjs \
		$(UNBUNDLED:%=--external:%) --outfile=$(BUNDLE_NEXT)/briefs.cjs --log-level=warning \
		--define:import.meta.url=__briefs_bundle_url --banner:js="var __briefs_bundle_url = require('node:url').pathToFileURL(__filename).href;"
	@echo "briefs: building one report to fill V8's code cache"
	@out=$$(mktemp -d) && BRIEFS_CODE_CACHE=write BRIEFS_PATCHES= JOBS=1 FORMATS= PUBLICATIONS= AUDIENCE= SOURCE=source/dalian-2018.txt OUT="$$out" node $(BUNDLE_NEXT)/cli.js >/dev/null 2>&1; rm -rf "$$out"
	@rm -rf $(BUNDLE_DIR) && mv $(BUNDLE_NEXT) $(BUNDLE_DIR)

bundle: $(BUNDLE)

briefs: check-variables $(BUNDLE)
	@SOURCE="$(SOURCE)" OUT="$(OUT)" AUDIENCE="$(AUDIENCE)" FORMATS="$(FORMATS)" PUBLICATIONS="$(PUBLICATIONS)" node $(BUNDLE)

audiences: check-variables $(BUNDLE)
	@node $(BUNDLE) audiences

typecheck: node_modules/.package-lock.json
	node_modules/.bin/tsc --noEmit

# The unit suite runs from the sources, in seconds; the end-to-end suite runs the bundle and reads
# its output back with real readers.
test: typecheck test-unit test-e2e

test-unit: node_modules/.package-lock.json
	node_modules/.bin/vitest run --project unit

test-e2e: $(BUNDLE)
	node_modules/.bin/vitest run --project e2e

clean:
	rm -rf "$(OUT)"

.PHONY: audience
audience: node_modules/.package-lock.json
	@NAME="$(NAME)" $(TSX) pipeline/cli/scaffold-audience.ts

# The preview server is bundled on its own, in a moment: it serves OUT before the build's bundle
# (which may need remaking) is ready, and that build runs in the background.
PREVIEW := node_modules/.cache/briefs-preview/preview.js
$(PREVIEW): node_modules/.package-lock.json pipeline/cli/preview.ts pipeline/cli/serve-path.ts pipeline/util/paths.ts pipeline/util/repo.ts
	@node_modules/.bin/esbuild pipeline/cli/preview.ts --bundle --platform=node --format=esm --outfile=$@ --log-level=warning

.PHONY: preview
preview: check-variables $(PREVIEW)
	@SOURCE="$(SOURCE)" OUT="$(OUT)" node $(PREVIEW)

.PHONY: bench
bench: $(BUNDLE)
	@$(TSX) pipeline/cli/bench.ts

# The comparisons, series and gallery index of OUT, from what its builds wrote: run once every
# SHARD=k/n build into OUT is done (a whole build writes them itself).
.PHONY: gallery
gallery: $(BUNDLE)
	@OUT="$(OUT)" BRIEFS_GALLERY=1 node $(BUNDLE)

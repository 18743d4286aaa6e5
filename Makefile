# briefs — `make briefs` builds every report in SOURCE into OUT; `make test` checks everything.
SOURCE ?= source
OUT ?= out
AUDIENCE ?=
TSX := node_modules/.bin/tsx
# The pipeline and its dependencies bundled into plain JavaScript: Node starts it in a third of the
# time tsx takes to compile the TypeScript sources on every run, and loads a few large files, not
# hundreds of small ones. Left out (loaded from node_modules): the canvas (a native addon), and
# pdfkit, pdfmake and fontkit, which read data files beside their code and which the patches in
# pipeline/patches/ reach into by requiring their modules.
# cli.js (pipeline/cli/start.ts) reads the options and loads briefs.cjs, the rest, through V8's
# code cache: code-cache.bin, made by building the bundled report once (see
# pipeline/patches/node-code-cache.ts; BRIEFS_PATCHES=off runs without it).
BUNDLE := node_modules/.cache/briefs/cli.js
BUNDLE_DIR := $(dir $(BUNDLE))
BUNDLE_NEXT := node_modules/.cache/briefs-next
UNBUNDLED := @napi-rs/canvas pdfkit pdfmake fontkit
SOURCES := $(shell find pipeline -name '*.ts' -o -name '*.mjs')

.PHONY: briefs test test-unit test-e2e typecheck clean bundle

# npm writes node_modules/.package-lock.json on install: reinstall when the lock file is newer.
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Made in a folder beside it and moved into place whole: an interrupted make leaves no half bundle
# that looks up to date.
$(BUNDLE): node_modules/.package-lock.json $(SOURCES) Makefile
	@rm -rf $(BUNDLE_NEXT) && mkdir -p $(BUNDLE_NEXT)
	@node_modules/.bin/esbuild pipeline/cli/start.ts --bundle --platform=node --format=esm --outfile=$(BUNDLE_NEXT)/cli.js --log-level=warning
	@node_modules/.bin/esbuild pipeline/cli/entry.ts --bundle --platform=node --format=cjs \
		$(UNBUNDLED:%=--external:%) --outfile=$(BUNDLE_NEXT)/briefs.cjs --log-level=warning \
		--define:import.meta.url=__briefs_bundle_url --banner:js="var __briefs_bundle_url = require('node:url').pathToFileURL(__filename).href;"
	@out=$$(mktemp -d) && BRIEFS_CODE_CACHE=write BRIEFS_PATCHES= JOBS=1 SOURCE=source/dalian-2018.txt OUT="$$out" node $(BUNDLE_NEXT)/cli.js >/dev/null 2>&1; rm -rf "$$out"
	@rm -rf $(BUNDLE_DIR) && mv $(BUNDLE_NEXT) $(BUNDLE_DIR)

bundle: $(BUNDLE)

briefs: $(BUNDLE)
	@SOURCE="$(SOURCE)" OUT="$(OUT)" AUDIENCE="$(AUDIENCE)" node $(BUNDLE)

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

.PHONY: preview
preview: node_modules/.package-lock.json
	@SOURCE="$(SOURCE)" OUT="$(OUT)" $(TSX) pipeline/cli/preview.ts

.PHONY: bench
bench: $(BUNDLE)
	@$(TSX) pipeline/cli/bench.ts

# The comparisons, series and gallery index of OUT, from what its builds wrote: run once every
# SHARD=k/n build into OUT is done (a whole build writes them itself).
.PHONY: gallery
gallery: $(BUNDLE)
	@OUT="$(OUT)" BRIEFS_GALLERY=1 node $(BUNDLE)

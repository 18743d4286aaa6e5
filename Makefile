# briefs — `make briefs` builds every report in SOURCE into OUT; `make test` checks everything.
SOURCE ?= source
OUT ?= out
AUDIENCE ?=
TSX := node_modules/.bin/tsx
# The pipeline and its dependencies bundled into plain JavaScript: Node starts it in a third of the
# time tsx takes to compile the TypeScript sources on every run, and loads a few large files, not
# hundreds of small ones. Left out (loaded from node_modules): the canvas (a native addon), and
# pdfkit, pdfmake and fontkit, which read data files beside their code and which the PDF writer
# adjusts by requiring their modules (see pipeline/write/pdf/pdfkit-layout.ts).
BUNDLE := node_modules/.cache/briefs/cli.js
UNBUNDLED := @napi-rs/canvas pdfkit pdfmake fontkit
SOURCES := $(shell find pipeline -name '*.ts' -o -name '*.mjs')

.PHONY: briefs test typecheck clean bundle

# npm writes node_modules/.package-lock.json on install: reinstall when the lock file is newer.
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(BUNDLE): node_modules/.package-lock.json $(SOURCES) Makefile
	@rm -rf $(dir $(BUNDLE))
	@node_modules/.bin/esbuild pipeline/cli.ts pipeline/build/worker.ts --bundle --platform=node --format=esm \
		$(UNBUNDLED:%=--external:%) --splitting --entry-names=[name] --outdir=$(dir $(BUNDLE)) --log-level=warning \
		--banner:js="import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);"

bundle: $(BUNDLE)

briefs: $(BUNDLE)
	@SOURCE="$(SOURCE)" OUT="$(OUT)" AUDIENCE="$(AUDIENCE)" node $(BUNDLE)

typecheck: node_modules/.package-lock.json
	node_modules/.bin/tsc --noEmit

test: $(BUNDLE)
	node_modules/.bin/tsc --noEmit
	node_modules/.bin/vitest run

clean:
	rm -rf "$(OUT)"

.PHONY: audience
audience: node_modules/.package-lock.json
	@NAME="$(NAME)" $(TSX) pipeline/scaffold-audience.ts

.PHONY: preview
preview: node_modules/.package-lock.json
	@SOURCE="$(SOURCE)" OUT="$(OUT)" $(TSX) pipeline/preview.ts

.PHONY: bench
bench: $(BUNDLE)
	@$(TSX) pipeline/bench.ts

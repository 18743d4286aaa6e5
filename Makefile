# briefs — `make briefs` builds every report in SOURCE into OUT; `make test` checks everything.
SOURCE ?= source
OUT ?= out
AUDIENCE ?=
TSX := node_modules/.bin/tsx

.PHONY: briefs test typecheck clean

# npm writes node_modules/.package-lock.json on install: reinstall when the lock file is newer.
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

briefs: node_modules/.package-lock.json
	@SOURCE="$(SOURCE)" OUT="$(OUT)" AUDIENCE="$(AUDIENCE)" $(TSX) pipeline/cli.ts

typecheck: node_modules/.package-lock.json
	node_modules/.bin/tsc --noEmit

test: node_modules/.package-lock.json
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
bench: node_modules/.package-lock.json
	@$(TSX) pipeline/bench.ts

# score: the commands a user, a developer and CI run. See README.md.

GO       ?= go
OUT      ?= outputs
FUZZTIME ?= 50000x
EXAMPLES := examples/articles.jsonl examples/wire

# The DuckDB reader the end-to-end test checks the tables with (npm).
DUCKDB := e2e/node_modules/.installed

.PHONY: run test bench fuzz build clean measure

## run: score the example articles into $(OUT)/ and print a per-outlet summary
run: build
	./score run -out $(OUT) $(EXAMPLES)
	$(GO) run ./examples/outlets $(OUT)

## test: vet, then every test, the end-to-end test with DuckDB included
test: $(DUCKDB)
	$(GO) vet ./...
	$(GO) test ./...

## bench: per-stage benchmarks (MB/s), then the whole run on >= 100 MB (MB/s, peak RSS)
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./pipeline
	$(GO) test -run='^$$' -bench=RunBinary -benchtime=5x -timeout=60m -v ./e2e

## fuzz: run every fuzz target of the module for $(FUZZTIME) each. A count (Nx),
## not a duration: Go 1.26's fuzz coordinator can fail a duration-limited run with
## a bare "context deadline exceeded" at the deadline (golang/go#75804, fixed in 1.27).
fuzz:
	@set -e; for f in $$(grep -rlE --include='*_test.go' --exclude-dir=node_modules '^func Fuzz' . | sort); do \
		d=./$$(dirname $${f#./}); \
		for t in $$(sed -nE 's/^func (Fuzz[A-Za-z0-9_]*)\(.*/\1/p' $$f); do \
			echo "fuzz: $$t in $$d for $(FUZZTIME)"; \
			$(GO) test -run='^$$' -fuzz="^$$t\$$" -fuzztime=$(FUZZTIME) $$d; \
		done; \
	done

build:
	$(GO) build -o score ./cmd/score

$(DUCKDB): e2e/package.json e2e/package-lock.json e2e/install-duckdb.sh
	bash e2e/install-duckdb.sh

clean:
	rm -rf score $(OUT) e2e/node_modules

## measure: score the seeds and PolNeAR dev with the referee in ../shared (skipped when absent)
SHARED ?= ../shared
measure: build
	@if [ ! -d $(SHARED)/referee ]; then echo "measure: $(SHARED) is absent, nothing to measure"; exit 0; fi; \
	set -e; for g in $(abspath $(SHARED))/gold/seeds.jsonl $(abspath $(SHARED))/data/polnear/dev.jsonl; do \
		d=$$(mktemp -d); ./score run -out $$d $$g >/dev/null; \
		echo "== $$g"; (cd $(SHARED)/referee && $(GO) run . -gold $$g -out $$d) | grep -v '^METRICS'; rm -rf $$d; \
	done

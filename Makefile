# hoptac — the two commands a newcomer needs are `make run` and `make test`.
JOBS     ?= 2
BUILD    ?= build
TESTBUILD ?= build-asan
DATABASE ?= sqlite:data/hoptac.db
LISTEN   ?= 127.0.0.1:8080
CMAKE_COMMON = -G Ninja -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
# LeakSanitizer: ignore the caches that fontconfig and pango keep until exit.
export LSAN_OPTIONS = suppressions=$(CURDIR)/tests/lsan.supp

.PHONY: deps build web run test test-unit test-api test-e2e lint-openapi format clean bench

deps:
	@scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD) -j$(JOBS)
	$(MAKE) --no-print-directory web

# The web application (web/): installed from the lock file, types generated from the OpenAPI
# document, built by Vite into web/dist, which `hoptac serve` serves.
web:
	@if [ -f web/package.json ]; then \
	  cd web && { [ node_modules/.installed -nt package-lock.json ] || { npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; }; } && npm run build; \
	fi

run: build
	@mkdir -p data
	$(BUILD)/hoptac migrate --database $(DATABASE)
	$(BUILD)/hoptac seed-demo --database $(DATABASE)
	$(BUILD)/hoptac serve --database $(DATABASE) --listen $(LISTEN)

# Tests run against a build with AddressSanitizer and UndefinedBehaviorSanitizer.
# The groups `make test` runs, in this order; add a new group here.
TEST_GROUPS ?= lint-openapi test-unit test-fuzz test-e2e test-api test-api-pg test-instances test-failover

# The build steps stop at the first failure; then every group runs, even after one fails,
# and the end says which failed (and the exit status is non-zero).
test: deps
	cmake -S . -B $(TESTBUILD) $(CMAKE_COMMON) -DCMAKE_BUILD_TYPE=Debug -DHOPTAC_SANITIZE=ON >/dev/null
	cmake --build $(TESTBUILD) -j$(JOBS)
	$(MAKE) --no-print-directory web
	@failed=; \
	for g in $(TEST_GROUPS); do \
	  echo "== make $$g"; \
	  $(MAKE) --no-print-directory $$g || failed="$$failed $$g"; \
	done; \
	[ -z "$$failed" ] || { echo "make test: failed:$$failed"; exit 1; }; \
	echo "make test: passed: $(TEST_GROUPS)"

test-unit:
	ctest --test-dir $(TESTBUILD) --output-on-failure

test-api:
	rm -rf $(TESTBUILD)/api-tests && mkdir -p $(TESTBUILD)/api-tests
	HOPTAC_BIN=$(CURDIR)/$(TESTBUILD)/hoptac HOPTAC_TEST_DIR=$(CURDIR)/$(TESTBUILD)/api-tests \
	  node --test --test-concurrency=1 tests/api/*.test.mjs

# Browser tests: Debian's chromium driven by playwright-core against a real server.
test-e2e:
	@if [ -f web/package.json ]; then \
	  rm -rf build/screenshots && mkdir -p build/screenshots && \
	  cd web && HOPTAC_BIN=$(CURDIR)/$(TESTBUILD)/hoptac SCREENSHOTS=$(CURDIR)/build/screenshots npm run test:e2e; \
	fi

lint-openapi:
	$(TESTBUILD)/hoptac openapi > $(TESTBUILD)/openapi.json
	cd tests && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly lint --config redocly.yaml ../$(TESTBUILD)/openapi.json

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp')

clean:
	rm -rf $(BUILD) $(TESTBUILD)

# Speed, proven with figures: see bench/run and bench/RESULTS.md.
bench: build
	bench/run

# ---- Fuzzing (tests/fuzz/README.md) --------------------------------------------------------
# libFuzzer harnesses built by clang with ASan+UBSan in their own tree. `make test-fuzz` runs
# each for FUZZ_SMOKE_SECONDS from the committed seeds (a check, part of the tests);
# `make fuzz` runs each for FUZZ_SECONDS, keeping what it found in $(FUZZBUILD)/fuzz-work
# (FUZZERS="xlsx csv" for some only). The committed corpus is only read.
FUZZBUILD ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 15
FUZZERS ?=
define fuzz-build-steps
cmake -S . -B $(FUZZBUILD) -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DHOPTAC_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build $(FUZZBUILD) -j$(JOBS) --target fuzz_all
$(FUZZBUILD)/fuzz_invariants_test --gtest_brief=1
endef
.PHONY: fuzz test-fuzz

test-fuzz: deps
	$(fuzz-build-steps)
	FUZZ_BUILD=$(FUZZBUILD) tests/fuzz/run $(FUZZ_SMOKE_SECONDS) --fresh $(FUZZERS)

fuzz: deps
	$(fuzz-build-steps)
	FUZZ_BUILD=$(FUZZBUILD) tests/fuzz/run $(FUZZ_SECONDS) $(FUZZERS)

# The API suite again, on a throwaway PostgreSQL cluster (scripts/pg-throwaway), removed at
# the end on a pass or a failure.
.PHONY: test-api-pg test-instances test-failover
test-api-pg:
	scripts/test-api-pg $(TESTBUILD)

# Two instances on one PostgreSQL behind nginx (tests/cluster/).
test-instances:
	scripts/test-instances $(TESTBUILD)

# A primary, a synchronous standby, a crash and a promotion (tests/failover/).
test-failover:
	scripts/test-failover $(TESTBUILD)

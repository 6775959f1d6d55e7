# Gazette: `make demo` renders the example month, `make test` runs every test.
# Both first install the Debian packages that are missing (idempotent; uses sudo when not root).

SWIFT        ?= swift
EXAMPLE      ?= Examples/2024-06
APT_PACKAGES := libcairo2-dev libpango1.0-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
                libhyphen-dev hyphen-en-us libqpdf-dev poppler-utils qpdf python3-pil \
                libqrencode-dev zbar-tools libgdk-pixbuf-2.0-dev librsvg2-dev libturbojpeg0-dev libxml2-dev \
                mupdf-tools chromium chromium-driver
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps apt-deps qpdf12 python-deps build release demo test clean install uninstall

all: build

deps: apt-deps qpdf12

# Installs only what dpkg does not already report as installed.
apt-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# qpdf 12 reads and writes cairo's files twice as fast as Debian 12's qpdf 11.3, and Debian
# has no newer one; the pikepdf wheel on PyPI carries it (libqpdf 12.4.2 and the libjpeg it
# was built with). The exact wheel, checked by its sha256, is unpacked into .deps/qpdf/lib,
# which Package.swift links against when it is there. Debian's qpdf-c.h declares every
# function Gazette calls. Without it (no network, another CPU) the build uses Debian's qpdf:
# the same PDFs, byte for byte, a slower finishing pass. SwiftPM caches what Package.swift
# answers by its text and the environment, not by the files it looked at, so a manifest read
# before the library was unpacked would go on linking Debian's: GAZETTE_QPDF, which names the
# library, makes each state its own entry in that cache.
QPDF_DIR     := .deps/qpdf/lib
QPDF_WHEEL   := pikepdf-10.18.0-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl
QPDF_SHA256  := e42ed2f855f25e37e4bd5a2f2f369da4205090b84354fc77bb9cdc49cfe87ce7
QPDF_LIB     := libqpdf-781b0270.so.30.4.2
QPDF_JPEG    := libjpeg-e87d2658.so.62.2.0
export GAZETTE_QPDF = $(shell readlink $(QPDF_DIR)/libqpdf.so 2>/dev/null || echo debian)

qpdf12:
	@if [ -e $(QPDF_DIR)/libqpdf.so ]; then exit 0; fi; \
	notice() { echo "note: $$1; building with Debian's qpdf (same PDFs, slower finishing)"; }; \
	if [ "$$(uname -m)" != x86_64 ]; then notice "the qpdf 12 wheel is for x86_64 only"; exit 0; fi; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	if ! python3 -m pip download --quiet --no-deps --only-binary :all: --platform manylinux_2_28_x86_64 \
	       --python-version 3.11 --implementation cp --abi cp311 -d "$$tmp" pikepdf==10.18.0 >/dev/null 2>&1 \
	   || [ ! -f "$$tmp/$(QPDF_WHEEL)" ]; then \
	  notice "could not download $(QPDF_WHEEL)"; exit 0; fi; \
	if ! echo "$(QPDF_SHA256)  $$tmp/$(QPDF_WHEEL)" | sha256sum --check --status; then \
	  notice "$(QPDF_WHEEL) does not have the expected sha256"; exit 0; fi; \
	mkdir -p $(QPDF_DIR) && \
	python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
	  [open(sys.argv[2] + "/" + n, "wb").write(z.read("pikepdf.libs/" + n)) for n in sys.argv[3:]]' \
	  "$$tmp/$(QPDF_WHEEL)" $(QPDF_DIR) $(QPDF_LIB) $(QPDF_JPEG) && \
	ln -sf $(QPDF_LIB) $(QPDF_DIR)/libqpdf.so && \
	echo "qpdf 12.4.2 from $(QPDF_WHEEL) in $(QPDF_DIR)"

# The tests read Hindi back with PDFium, Chrome's PDF engine, through pypdfium2 in the python3
# on PATH; installed only when missing (Debian's own python3 needs the pip override).
python-deps:
	@python3 -c 'import pypdfium2' 2>/dev/null || { echo "installing: pypdfium2"; \
	  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check \
	    --root-user-action=ignore pypdfium2; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Renders the bundled example month to Output/ and a picture of its first pages.
demo: release
	$(SWIFT) run -c release gazette build $(EXAMPLE) --output Output/$(notdir $(EXAMPLE)).pdf

# Pango work stays on one thread (see the README), so tests run one at a time.
test: deps python-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

clean:
	rm -rf .build .deps Output/*.pdf

# `make install PREFIX=/usr/local` (the default; PREFIX=$$HOME/.local needs no sudo): the
# release binary to PREFIX/bin, Fonts/ and Layouts/ to PREFIX/share/gazette, where the binary
# looks for them, and completions for bash, zsh and fish. The build runs as you; the copying
# uses sudo only when PREFIX is not writable. DESTDIR is honoured, for packagers.
PREFIX       ?= /usr/local
BINDIR        = $(DESTDIR)$(PREFIX)/bin
DATADIR       = $(DESTDIR)$(PREFIX)/share/gazette
LIBDIR        = $(DESTDIR)$(PREFIX)/lib/gazette
BASH_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/gazette
ZSH_COMPLETION  = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_gazette
FISH_COMPLETION = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/gazette.fish
RELEASE_BIN   = $(shell $(SWIFT) build -c release --show-bin-path)/gazette
# sudo when the nearest existing folder of the destination is not writable.
INSTALL_SUDO  = $(shell p="$(DESTDIR)$(PREFIX)"; while [ ! -e "$$p" ]; do p=$$(dirname "$$p"); done; \
                [ -w "$$p" ] || [ "$$(id -u)" = 0 ] || echo sudo)

install: release
	$(INSTALL_SUDO) install -d "$(BINDIR)" "$(DATADIR)" "$(dir $(BASH_COMPLETION))" \
	  "$(dir $(ZSH_COMPLETION))" "$(dir $(FISH_COMPLETION))"
	$(INSTALL_SUDO) install -m 755 "$(RELEASE_BIN)" "$(BINDIR)/gazette"
	if [ -e $(QPDF_DIR)/libqpdf.so ]; then $(INSTALL_SUDO) install -d "$(LIBDIR)" && \
	  $(INSTALL_SUDO) install -m 644 $(QPDF_DIR)/$(QPDF_LIB) $(QPDF_DIR)/$(QPDF_JPEG) "$(LIBDIR)"; fi
	$(INSTALL_SUDO) rm -rf "$(DATADIR)/Fonts" "$(DATADIR)/Layouts"
	$(INSTALL_SUDO) cp -R Fonts "$(DATADIR)/Fonts"
	if [ -d Layouts ]; then $(INSTALL_SUDO) cp -R Layouts "$(DATADIR)/Layouts"; fi
	"$(RELEASE_BIN)" --generate-completion-script bash | $(INSTALL_SUDO) tee "$(BASH_COMPLETION)" > /dev/null
	"$(RELEASE_BIN)" --generate-completion-script zsh | $(INSTALL_SUDO) tee "$(ZSH_COMPLETION)" > /dev/null
	"$(RELEASE_BIN)" --generate-completion-script fish | $(INSTALL_SUDO) tee "$(FISH_COMPLETION)" > /dev/null
	@echo "installed $(BINDIR)/gazette; fonts and layouts in $(DATADIR)"

uninstall:
	$(INSTALL_SUDO) rm -rf "$(BINDIR)/gazette" "$(DATADIR)" "$(LIBDIR)" "$(BASH_COMPLETION)" "$(ZSH_COMPLETION)" "$(FISH_COMPLETION)"

# Robustness. `make fuzz` runs many more mutated digests through the reader, the layout
# and the renderer than `make test` does (FUZZ_COUNT, FUZZ_SEED; replay one input with
# FUZZ_START=<index> FUZZ_COUNT=1; inputs that fail a check are saved under FUZZ_FINDINGS,
# default $TMPDIR/gazette-fuzz-findings-<seed>). `make sanitize` runs the whole suite under
# AddressSanitizer and LeakSanitizer in its own build folder; the suppressions are for
# caches inside fontconfig, Pango and the test runner only (see the file for why).
.PHONY: fuzz sanitize
FUZZ_COUNT ?= 10000
FUZZ_SEED  ?= 20240601
ASAN_SCRATCH ?= .build-asan
LSAN_SUPPRESSIONS := $(CURDIR)/Tests/RobustnessTests/lsan-suppressions.txt

fuzz: deps
	$(SWIFT) build --build-tests
	FUZZ_COUNT=$(FUZZ_COUNT) FUZZ_SEED=$(FUZZ_SEED) \
	  $(SWIFT) test --skip-build --no-parallel --filter 'RobustnessTests.FuzzTests'

# The fuzz test runs fewer inputs here, with a looser time bound: instrumented code is slow.
# G_SLICE=always-malloc: GLib 2.74 hands out GObjects (Pango layouts, attribute lists) from
# slabs that stay reachable, so without it a leaked Pango object is invisible to LSan.
sanitize: deps python-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path $(ASAN_SCRATCH)
	ASAN_OPTIONS=detect_leaks=1 G_SLICE=always-malloc G_DEBUG=gc-friendly \
	LSAN_OPTIONS=suppressions=$(LSAN_SUPPRESSIONS):print_suppressions=0 \
	FUZZ_COUNT=60 FUZZ_TIME_SCALE=10 \
	  $(SWIFT) test --skip-build --no-parallel --sanitize=address --scratch-path $(ASAN_SCRATCH)

# Speed. `make bench` times Gazette, Typst and WeasyPrint on digests of 14, 100 and 400
# articles in one run (../shared/bench), measures each one's peak memory, and writes the
# measured section of BENCHMARKS.md (~15 min; RUNS=1 SIZES="14 100" MEMORY_SIZES=100 for a
# quick look; see Benchmarks/bench.sh for the other knobs; BENCH_SCRATCH is the build
# folder, default .build). It installs the peers' Python packages when missing. `make
# bench-micro` runs the release-mode micro-benchmarks of the hot paths (BENCH_DIGEST, default
# the shared sample month). Nothing in `make test` times anything.
.PHONY: bench bench-micro
BENCH_DIGEST  ?= ../shared/corpus/2024-06
BENCH_SCRATCH ?= $(or $(SCRATCH),.build)

# wrk loads `gazette serve` in the benchmark (Benchmarks/serve_load.py).
bench: deps
	@command -v wrk > /dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends wrk; }
	SWIFT="$(SWIFT)" SCRATCH="$(BENCH_SCRATCH)" Benchmarks/bench.sh

bench-micro: deps
	$(SWIFT) build -c release --product gazette-bench --scratch-path "$(BENCH_SCRATCH)"
	"$(BENCH_SCRATCH)/release/gazette-bench" --digest "$(BENCH_DIGEST)"

# Typography. `make typo-report` sets BENCH_DIGEST with Gazette (release build), WeasyPrint
# and Typst and measures each PDF the same way (loose justified lines, runs of hyphenated
# lines, lines wider than their column, Devanagari words that can be copied back), writing
# Benchmarks/TYPOGRAPHY.md. One PDF alone: python3 Benchmarks/typo_report.py X.pdf --sources DIR.
.PHONY: typo-report
typo-report: deps
	SWIFT="$(SWIFT)" SCRATCH="$(BENCH_SCRATCH)" DIGEST="$(BENCH_DIGEST)" Benchmarks/typo.sh

# Gazette: `make demo` renders the example month, `make test` runs every test.
# Both first install the Debian packages that are missing (idempotent; uses sudo when not root).

SWIFT        ?= swift
EXAMPLE      ?= Examples/2024-06
APT_PACKAGES := libcairo2-dev libpango1.0-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
                poppler-utils qpdf python3-pil
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release demo test clean

all: build

# Installs only what dpkg does not already report as installed.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Renders the bundled example month to Output/ and a picture of its first pages.
demo: release
	$(SWIFT) run -c release gazette build $(EXAMPLE) --output Output/$(notdir $(EXAMPLE)).pdf

# Pango work stays on one thread (see the README), so tests run one at a time.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

clean:
	rm -rf .build Output/*.pdf

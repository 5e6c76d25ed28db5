# Packdesk: `make run` opens the app on a demo store; `make test` runs the whole suite.
# Everything needed is installed on first use: Debian packages (with apt, when root),
# then a virtualenv in .venv with the pinned Python packages.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSSTAMP := $(VENV)/.sysdeps

# Debian packages: Qt runtime, Xvfb for screenshots, libzbar for pyzbar, CUPS + cups-pdf
# + poppler for printing tests, a CJK font for labels and the UI, socat for serial tests,
# PulseAudio and xdotool for the real-window tests with sound, and the headers pycups builds against.
SYS_PACKAGES := libglib2.0-0 libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 \
	libxkbcommon0 libbrotli1 libpulse0 libxext6 libxrandr2 libdrm2 libcups2 libcups2-dev gcc \
	python3-venv python3-dev xvfb xauth x11-apps libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 \
	libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 \
	libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 \
	libxkbcommon-x11-0 libzbar0 cups-daemon cups-client printer-driver-cups-pdf \
	poppler-utils socat fonts-wqy-microhei pulseaudio pulseaudio-utils xdotool

export QT_LOGGING_RULES ?= qt.multimedia.*=false
export OPENCV_LOG_LEVEL ?= ERROR

.PHONY: all run test lint bench stress demo sysdeps venv translations clean screenshots

all: venv

sysdeps: $(SYSSTAMP)
$(SYSSTAMP):
	@missing=$$(for p in $(SYS_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; \
	done | tr '\n' ' '); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
			echo "Installing system packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $$missing >/dev/null || exit 1; \
		else \
			echo "Missing system packages. Run this, then make again:"; \
			echo "  sudo apt-get install --no-install-recommends $$missing"; \
			exit 1; \
		fi; \
	fi
	@mkdir -p $(VENV) && touch $@

venv: $(STAMP)
$(STAMP): pyproject.toml $(SYSSTAMP)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip >/dev/null
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $@

translations: venv
	$(BIN)/python -m ui.i18n_build

run: venv
	$(BIN)/packdesk demo --if-missing --sheet
	$(BIN)/packdesk

lint: venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy app/

test: venv lint
	$(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python -m bench.run

stress: venv
	$(BIN)/python -m stress --db sqlite --db postgres

screenshots: venv
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tests.screenshots out/screenshots en
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python -m tests.screenshots out/screenshots zh_CN

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache bench/.cache

#!/bin/sh
# What the quote-database tests need in CI (tests/test_store.py, tests/test_web.py), idempotent and quiet:
#  - Debian's chromium for the browser test (Playwright drives /usr/bin/chromium; never `playwright install`);
#  - the `browser` extra (playwright, the Python driver) and the runtime deps (rapidfuzz) in the venv.
# Usage: .ci/store-setup.sh [PYTHON]   (default: .venv/bin/python, else python3)
set -eu
cd "$(dirname "$0")/.."
PY="${1:-}"
if [ -z "$PY" ]; then
    if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
"$PY" -m pip install -q -e '.[test,browser]' 2>&1 | grep -v '^WARNING: Location' || true
"$PY" -c "import playwright.sync_api, rapidfuzz" >/dev/null
mkdir -p test-artifacts

#!/usr/bin/env bash
# Installs what the tests need beyond Python packages: the browsers of the three engines users
# have, Chromium with its driver, Firefox ESR (its driver, geckodriver, is a pinned Python wheel:
# requirements-geckodriver.txt) and WebKitGTK's WebDriver with its MiniBrowser, and Xvfb, the
# virtual display MiniBrowser needs;
# LibreOffice, poppler and the Liberation fonts (metric-compatible with Arial, the documents'
# font, so pages break as they do in Word) for the office-document tests, and axe-core.
# Safe to run again: it installs only what is missing. Playwright's own browser download
# is not used (it cannot download here); the tests drive the system Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# The driver is built with the browser: installing it brings the matching Chromium.
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
fc-list 2>/dev/null | grep -q "Liberation Sans" || missing+=(fonts-liberation2)

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} (Debian packages)..."
    # Another apt process (an unattended upgrade, a second terminal) may hold the lock: wait for it.
    wait_for_lock=(-o DPkg::Lock::Timeout=300)
    $sudo apt-get "${wait_for_lock[@]}" update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait_for_lock[@]}" install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install: ${missing[*]} (the browser and office tests need them)." >&2
  fi
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  if command -v npm >/dev/null 2>&1; then
    npm ci --silent --no-audit --no-fund
  else
    echo "Please install Node.js and npm: the accessibility tests load axe-core from npm." >&2
  fi
fi

#!/usr/bin/env bash
# Installs the native tools the crawler calls (same list as the Dockerfile's runtime stage).
# Idempotent: skips apt entirely when every package is already installed.
# Usage: ops/install-deps.sh [--with-test-tools]
set -euo pipefail

packages=(poppler-utils tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng libreoffice-writer-nogui fonts-noto-cjk)
# The Dockerfile's build argument WITH_LIBREOFFICE=false leaves out LibreOffice (DOC/WPS conversion) for a smaller image.
if [ "${WITH_LIBREOFFICE:-true}" != "true" ]; then
  kept=(); for p in "${packages[@]}"; do [ "$p" = libreoffice-writer-nogui ] || kept+=("$p"); done; packages=("${kept[@]}")
fi
if [ "${1:-}" = "--with-test-tools" ]; then
  # Tests start a real SMTP server and a throw-away PostgreSQL cluster, validate the compose file, mirror the
  # simulated web with wget, print PDFs and drive the status page with headless Chromium.
  packages+=(python3 python3-aiosmtpd docker-compose wget sqlite3 chromium postgresql)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"

#!/usr/bin/env bash
# Installs the Debian packages the test suite's real components need when they are missing (as `npm ci` installs the
# npm ones): a fresh machine or CI has none of them. Each entry: a command that proves the package is there, then the
# package. Runs as root (CI and developers' machines here); elsewhere it says what to install and stops.
set -euo pipefail

required=(
  # "command-to-check package"
  "dovecot dovecot-imapd"
  # Debian's Chromium: the operator console's browser tests (tests/ContinuityOfCare.Console.Tests) and printing the
  # Alert Form to PDF; poppler-utils' pdfinfo counts its pages (one A4 page).
  "chromium chromium"
  "pdfinfo poppler-utils"
)

missing=()
for entry in "${required[@]}"; do
  read -r check package <<<"$entry"
  # Daemons such as dovecot live in /usr/sbin, which is not on every user's PATH.
  PATH="$PATH:/usr/sbin:/sbin" command -v "$check" >/dev/null 2>&1 || missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The test suite needs these Debian packages: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}) and run again." >&2
  exit 1
fi

echo "Installing Debian packages for the test suite: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# System packages the dossier needs outside Python: a Chromium-family browser (PDF briefs,
# browser tests), poppler-utils (pdftotext/pdfinfo, for the PDF tests) and npm; then
# axe-core from the npm registry, as package-lock.json pins it, for the accessibility tests.
#
# Installs only what is missing, with apt-get, when we are root or passwordless sudo works.
# Where a Chrome is already installed (GitHub runners ship google-chrome) it is used as is.
# Set DOSSIER_NO_APT=1 to never call apt-get, DOSSIER_NO_NPM=1 to skip npm.
# It does not fail when it cannot install: `dossier pdf` and the tests then fail with a
# message that says what is missing.
set -u
cd "$(dirname "$0")/.."

say() { echo "setup-system: $*" >&2; }

have_browser() {
    local name
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$name" >/dev/null 2>&1 && return 0
    done
    [ -n "${DOSSIER_CHROMIUM:-}" ] && [ -x "${DOSSIER_CHROMIUM}" ]
}

missing=()
have_browser || missing+=(chromium)
{ command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; } || missing+=(poppler-utils)
if [ "${DOSSIER_NO_NPM:-}" != 1 ] && ! command -v npm >/dev/null 2>&1; then
    missing+=(npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "${DOSSIER_NO_APT:-}" = 1 ]; then
        say "missing ${missing[*]}; DOSSIER_NO_APT=1, so not installing"
    elif ! command -v apt-get >/dev/null 2>&1; then
        say "missing ${missing[*]} and there is no apt-get: install them with your package manager"
    else
        if [ "$(id -u)" = 0 ]; then
            as_root=()
        elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            as_root=(sudo -n)
        else
            as_root=(none)
        fi
        if [ "${as_root[*]-}" = none ]; then
            say "missing ${missing[*]}; not root and no passwordless sudo: run 'sudo apt-get install -y ${missing[*]}'"
        else
            say "installing ${missing[*]} with apt-get"
            export DEBIAN_FRONTEND=noninteractive
            "${as_root[@]}" apt-get update -qq >/dev/null \
                && "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
                || say "apt-get install ${missing[*]} failed"
        fi
    fi
fi

# axe-core for the accessibility tests, exactly as package-lock.json pins it.
if [ "${DOSSIER_NO_NPM:-}" != 1 ] && [ -f package-lock.json ]; then
    if [ node_modules/.package-lock.json -nt package-lock.json ] && [ -f node_modules/axe-core/axe.min.js ]; then
        :
    elif command -v npm >/dev/null 2>&1; then
        npm ci --no-audit --no-fund --loglevel=error >/dev/null || say "npm ci failed"
    else
        say "npm is missing: the accessibility tests need node and npm (axe-core)"
    fi
fi
exit 0

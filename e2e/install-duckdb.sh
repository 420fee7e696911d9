#!/usr/bin/env bash
# Installs DuckDB (npm @duckdb/node-api, which ships its own prebuilt library)
# into e2e/node_modules, at the versions package-lock.json pins. The
# end-to-end test reads score's Parquet tables back with it. npm install, not
# npm ci: the lock has only the platform packages the registry serves for this
# version, which npm ci refuses; npm install keeps the lock as it is.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null; then
	echo "install-duckdb.sh: npm is not installed (Debian: apt-get install -y nodejs npm)" >&2
	exit 1
fi
npm install --no-audit --no-fund --loglevel=error
node -e "import('@duckdb/node-api').then(() => console.log('DuckDB for the e2e test: installed in e2e/node_modules'))"
touch node_modules/.installed

#!/usr/bin/env bash
# Starts the web application on the embedded PostgreSQL cluster (installing the server binaries first when needed).
# On first start the archive is filled with sample cables (the shared WikiLeaks pages beside the repository when
# present, else generated ones) and the first users are created; their one-time passwords are printed.
# Extra arguments go to `cablearchive serve` (--urls URL, --data-dir DIR, --connection STRING, --no-samples).
set -euo pipefail
cd "$(dirname "$0")/.."
bash build/ensure-postgres.sh
exec dotnet run --project src/CableArchive.Cli -c Release -- serve "$@"

#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql: the diff from the schema as
# committed (HEAD) to the working schema; the first migration diffs from empty.
# Usage: bash prisma/newMigration.sh <name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: newMigration.sh <name>}
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
if ls prisma/migrations/*/migration.sql >/dev/null 2>&1; then
  old=$(mktemp --suffix=.prisma)
  git show HEAD:prisma/schema.prisma >"$old"
  from=(--from-schema-datamodel "$old")
else
  from=(--from-empty)
fi
mkdir -p "$dir"
npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script >"$dir/migration.sql"
echo "wrote $dir/migration.sql"

#!/usr/bin/env bash
# Regenerates the screenshots docs/UI.md shows: runs the browser tests (public pages and the staff console), which
# write every page they visit at 360 px and 1280 px to docs/ui (OMBUDSMAN_SCREENSHOTS), then keeps only the pictures
# docs/UI.md shows; commit the changed PNGs with the change that made them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo_root"

ensure_node_packages
ensure_chromium
ensure_dotnet_restore
dotnet build tests/Ombudsman.Functions.Tests --no-restore --nologo -v quiet -c Release
mkdir -p docs/ui
OMBUDSMAN_SCREENSHOTS="$repo_root/docs/ui" dotnet test tests/Ombudsman.Functions.Tests --no-build --nologo -c Release \
  --filter "FullyQualifiedName~Ombudsman.Functions.Tests.Pages|FullyQualifiedName~Ombudsman.Functions.Tests.StaffPages"

# The tests photograph every state they reach; docs/UI.md chooses which it shows, and only those are kept.
for picture in docs/ui/*.png; do
  grep -qF "(ui/$(basename "$picture"))" docs/UI.md || rm "$picture"
done
echo "screenshots written to docs/ui"

#!/usr/bin/env bash
# Records public API additions of the shipped libraries in their PublicAPI.Unshipped.txt (the analyzer's code fix),
# so that an intended public change can be committed together with its baseline. The build fails (RS0016/RS0017)
# on any public change that is not recorded. Removals (RS0017) must be recorded by hand as "*REMOVED*<line>"
# entries in PublicAPI.Unshipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in $(git ls-files '*PublicAPI.Shipped.txt' | xargs -n1 dirname); do
  csproj=$(ls "$project"/*.csproj)
  echo "==> $csproj"
  dotnet format analyzers "$csproj" --diagnostics RS0016 --severity warn
done

#!/usr/bin/env bash
# Installs the `crawler` command: a ReadyToRun build of src/Crawler.Worker (dotnet publish, framework-dependent:
# the .NET 10 runtime stays shared) under $PREFIX/lib/crawler, linked as $PREFIX/bin/crawler.
#   ops/install.sh                  # PREFIX=/usr/local when writable, else ~/.local
#   PREFIX=/opt/crawler ops/install.sh
# Run it again after pulling changes. Needs only the .NET 10 SDK (the ReadyToRun compiler comes from NuGet).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-}"
if [ -z "$prefix" ]; then
  if [ -w /usr/local/bin ]; then prefix=/usr/local; else prefix="$HOME/.local"; fi
fi
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
target="$prefix/lib/crawler"
dotnet publish src/Crawler.Worker/Crawler.Worker.csproj -c Release -r "$rid" --self-contained false \
  -p:PublishReadyToRun=true -o "$target" -nologo -v quiet
mkdir -p "$prefix/bin"
ln -sfn "$target/crawler" "$prefix/bin/crawler"
echo "installed $prefix/bin/crawler ($("$prefix/bin/crawler" version))"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add $prefix/bin to PATH, e.g.: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac

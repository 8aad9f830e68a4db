#!/usr/bin/env bash
# Builds a self-contained EcoMonitor Workstation installer with jpackage (JDK 21+).
#   installer/jpackage.sh            Linux app image in target/installer (what CI and the team test here)
#   installer/jpackage.sh msi        Windows MSI (run on Windows with the WiX toolset 3 on PATH)
#   installer/jpackage.sh deb        Debian package
# Needs `mvn -q package -DskipTests` first (target/ecomonitor.jar and target/lib).
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE="${1:-app-image}"
VERSION="$(grep -m1 '<version>' pom.xml | sed -E 's/.*<version>([0-9.]+).*/\1/')"
INPUT=target/installer-input
rm -rf "$INPUT" target/installer
mkdir -p "$INPUT"
cp target/ecomonitor.jar "$INPUT/"
# only the libraries the jar's manifest names: target/lib may hold older versions from earlier builds
mkdir -p "$INPUT/lib"
unzip -p target/ecomonitor.jar META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Class-Path:/,/^[A-Z][A-Za-z-]*:/p' \
  | sed -e 's/^Class-Path: //' -e '/^[A-Z][A-Za-z-]*:/d' -e 's/^ //' | tr -d '\n' | tr ' ' '\n' | grep -v '^$' \
  | while read -r jar; do cp "target/$jar" "$INPUT/lib/"; done
ARGS=(--name EcoMonitor --app-version "$VERSION" --vendor "EcoMonitor"
      --description "EcoMonitor Workstation - monitoring-network GIS"
      --input "$INPUT" --main-jar ecomonitor.jar --main-class org.ecomonitor.cli.Main
      --java-options "-Xmx2g" --java-options "-Dfile.encoding=UTF-8" --java-options "--enable-native-access=ALL-UNNAMED"
      --dest target/installer --type "$TYPE")
case "$TYPE" in
  msi) ARGS+=(--win-menu --win-shortcut --win-dir-chooser --win-menu-group EcoMonitor
              --win-upgrade-uuid 6f1c2f4e-6c55-4d1e-9a57-0e6b7c8d2a11 --resource-dir installer/windows) ;;
  deb) ARGS+=(--linux-shortcut --linux-menu-group Science) ;;
esac
jpackage "${ARGS[@]}"
echo "written to target/installer"

#!/usr/bin/env bash
# Builds a native installer (or app image) of Vidyut Console with jpackage from JDK 17+.
#   installer/package.sh              # the native type of this OS: deb (Linux), dmg (macOS), msi (Windows, needs WiX 3)
#   installer/package.sh app-image    # a self-contained folder, no installer tooling needed
# JavaFX is linked into the bundled runtime from its platform jars (module path), which keeps the image small
# and avoids the "Unsupported JavaFX configuration" warning; everything else stays on the class path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

case "$(uname -s)" in
  Linux*)  default_type=deb ;;
  Darwin*) default_type=dmg ;;
  MINGW*|MSYS*|CYGWIN*) default_type=msi ;;
  *) default_type=app-image ;;
esac
type="${1:-$default_type}"
version="$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null | sed 's/-SNAPSHOT//')"
version="${version:-0.1.0}"

mvn -B -q package -DskipTests

stage="target/jpackage/input"
fxmods="target/jpackage/javafx"
rm -rf target/jpackage && mkdir -p "$stage" "$fxmods" target/installer
cp target/vidyut-console.jar "$stage/"
mkdir -p "$stage/lib"
for jar in target/lib/*.jar target/lib/*.aar; do
  [ -e "$jar" ] || continue
  case "$(basename "$jar")" in
    javafx-*-linux.jar|javafx-*-mac*.jar|javafx-*-win.jar) cp "$jar" "$fxmods/" ;;
    javafx-*.jar) ;;  # empty aggregator jars; the platform jars above carry the classes
    *) cp "$jar" "$stage/lib/" ;;
  esac
done

args=(
  --name "Vidyut Console"
  --app-version "$version"
  --vendor "Vidyut"
  --description "Operations console for energy sites"
  --input "$stage"
  --main-jar vidyut-console.jar
  --main-class ai.vidyut.console.Main
  --module-path "$fxmods"
  --add-modules javafx.controls,javafx.fxml,java.logging,java.sql,java.desktop,java.naming,java.management,java.net.http,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands --compress=2"
  --java-options "-Xmx1g"
  --dest target/installer
  --type "$type"
)
if [ "$type" != app-image ]; then
  args+=(--license-file LICENSE)
fi
if [ "$type" = deb ]; then
  args+=(--linux-shortcut --linux-menu-group "Utility" --linux-package-deps "libgtk-3-0")
fi
if [ "$type" = msi ]; then
  args+=(--win-menu --win-shortcut --win-dir-chooser)
fi
jpackage "${args[@]}"
ls -la target/installer

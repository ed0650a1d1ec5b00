#!/usr/bin/env bash
# Builds permit-agent's installable packages (docs/agent-setup.md):
#   permit-agent-VERSION-win-x64.zip     self-contained folder + install.ps1 / uninstall.ps1 (a Windows service)
#   permit-agent_VERSION_amd64.deb       /opt/permit-agent, systemd unit after pcscd, /etc/permit-agent, /var/lib/permit-agent
#   permit-agent_VERSION_arm64.deb       the same for ARM64 desks (UOS, Kylin)
# Usage: scripts/package-agent.sh [--out DIR] [--rid RID]...   (default: artifacts/packages, all three RIDs)
# Needs: dotnet, dpkg-deb, zip. PERMIT_AGENT_VERSION sets the version (default 1.0.<commits>).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out="$root/artifacts/packages"
rids=()
while (($#)); do
  case "$1" in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --rid) rids+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--rid win-x64|linux-x64|linux-arm64]..." >&2; exit 2 ;;
  esac
done
((${#rids[@]})) || rids=(win-x64 linux-x64 linux-arm64)
for tool in dotnet dpkg-deb zip; do
  command -v "$tool" >/dev/null || { echo "package-agent: $tool is missing (apt-get install dpkg zip)" >&2; exit 2; }
done

version=${PERMIT_AGENT_VERSION:-1.0.$(git rev-list --count HEAD 2>/dev/null || echo 0)}
publish_root="$root/artifacts/publish/permit-agent"
template="$root/packaging/permit-agent"
mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

publish() { # RID → a self-contained folder (not single-file: Wine and some scanners choke on the bundle)
  local rid=$1 dir="$publish_root/$1"
  rm -rf "$dir"
  dotnet publish src/Permit.CardAgent -c Release -r "$rid" --self-contained true -o "$dir" --nologo -v quiet \
    -p:PublishSingleFile=false -p:DebugType=none -p:GenerateDocumentationFile=false -p:Version="$version" >&2
  cp src/Permit.CardAgent/README.md "$dir/README.md"
  # The installed program's own settings name the PC's settings file (a build from the repository reads none).
  local kind=debian
  [[ $rid == win-* ]] && kind=windows
  cp "$template/$kind/program.appsettings.json" "$dir/appsettings.json"
  echo "$dir"
}

package_windows() {
  local app=$1 stage
  stage=$(mktemp -d)
  mkdir -p "$stage/permit-agent-$version-win-x64"
  cp -r "$app" "$stage/permit-agent-$version-win-x64/app"
  cp "$template/windows/install.ps1" "$template/windows/uninstall.ps1" "$template/windows/appsettings.json" \
    "$stage/permit-agent-$version-win-x64/"
  rm -f "$out"/permit-agent-*-win-x64.zip
  (cd "$stage" && zip -qr -6 "$out/permit-agent-$version-win-x64.zip" "permit-agent-$version-win-x64")
  rm -rf "$stage"
  echo "$out/permit-agent-$version-win-x64.zip"
}

package_deb() {
  local app=$1 arch=$2 stage
  stage=$(mktemp -d)
  install -d -m 0755 "$stage/DEBIAN" "$stage/opt/permit-agent" "$stage/etc/permit-agent" \
    "$stage/lib/systemd/system" "$stage/usr/bin" "$stage/usr/share/polkit-1/rules.d" "$stage/usr/share/doc/permit-agent"
  cp -r "$app/." "$stage/opt/permit-agent/"
  chmod -R u=rwX,go=rX "$stage/opt/permit-agent"
  chmod 0755 "$stage/opt/permit-agent/permit-agent"
  ln -s /opt/permit-agent/permit-agent "$stage/usr/bin/permit-agent"
  install -m 0644 "$template/debian/appsettings.json" "$stage/etc/permit-agent/appsettings.json"
  install -m 0644 "$template/debian/permit-agent.service" "$stage/lib/systemd/system/permit-agent.service"
  install -m 0644 "$template/debian/60-permit-agent.rules" "$stage/usr/share/polkit-1/rules.d/60-permit-agent.rules"
  install -m 0644 "$root/docs/agent-setup.md" "$stage/usr/share/doc/permit-agent/agent-setup.md"
  install -m 0644 "$template/debian/conffiles" "$stage/DEBIAN/conffiles"
  install -m 0755 "$template/debian/postinst" "$template/debian/prerm" "$template/debian/postrm" "$stage/DEBIAN/"
  local size
  size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" "$template/debian/control" >"$stage/DEBIAN/control"
  local deb="$out/permit-agent_${version}_$arch.deb"
  rm -f "$out"/permit-agent_*_"$arch".deb
  # gzip: every dpkg reads it (older domestic distributions' dpkg has no zstd), and it is quick on a small CI machine.
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
  rm -rf "$stage"
  echo "$deb"
}

for rid in "${rids[@]}"; do
  echo "package-agent: $rid" >&2
  app=$(publish "$rid")
  case "$rid" in
    win-x64) package_windows "$app" ;;
    linux-x64) package_deb "$app" amd64 ;;
    linux-arm64) package_deb "$app" arm64 ;;
    *) echo "package-agent: unknown RID $rid" >&2; exit 2 ;;
  esac
done

# Sourced by the measuring scripts: goes to the repository's root (ROOT),
# builds zongjie in release mode and sets BIN to the binary (or to
# $ZONGJIE_BIN when that is set). The build cache
# is CARGO_TARGET_DIR, by default the one .ci/run keeps.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/zongjie-target}"
# ZONGJIE_BIN measures another binary (an earlier release) instead.
if [ -n "${ZONGJIE_BIN:-}" ]; then
    BIN="$ZONGJIE_BIN"
else
    cargo build --release --quiet
    BIN="$CARGO_TARGET_DIR/release/zongjie"
fi

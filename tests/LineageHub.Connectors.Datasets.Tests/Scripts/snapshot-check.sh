#!/usr/bin/env bash
# An independent check of schema/snapshot.md with nothing but bash, sha256sum, openssl and xxd:
#   snapshot-check.sh raw FILE              prints FILE's raw root (1 MiB chunks)
#   snapshot-check.sh raw-dir DIR           prints DIR's raw root (one leaf per file)
#   snapshot-check.sh row-proof PROOF.json  checks a row proof printed by 'lineagehub proof row';
#                                           prints its root when it holds, exits 1 otherwise.
#                                           With SALT_KEY_HEX set, also checks the row's salt.
# It reads proofs as 'lineagehub proof row' prints them (one member per line); values with JSON
# escapes are outside what it parses.
set -euo pipefail
export LC_ALL=C

sha() { sha256sum | cut -c1-64; }
leaf() { printf '00%s' "$1" | xxd -r -p | sha; }                 # leaf of hex data
node() { printf '01%s%s' "$1" "$2" | xxd -r -p | sha; }
hex_of() { printf '%s' "$1" | xxd -p | tr -d '\n'; }
len_of() { printf '%s' "$1" | wc -c | tr -d ' '; }

# RFC 9162 MTH over the hashes given as arguments.
mth() {
  local n=$#
  if [ "$n" -eq 0 ]; then printf '' | sha; return; fi
  if [ "$n" -eq 1 ]; then echo "$1"; return; fi
  local k=1
  while [ $((k * 2)) -lt "$n" ]; do k=$((k * 2)); done
  local all=("$@")
  node "$(mth "${all[@]:0:k}")" "$(mth "${all[@]:k}")"
}

# RFC 9162 §2.1.3.2: fold an audit path; prints the root reached, or fails.
fold() {
  local fn=$1 sn=$(($2 - 1)) r=$3; shift 3
  local p
  for p in "$@"; do
    [ "$sn" -eq 0 ] && { echo "path too long" >&2; return 1; }
    if [ $((fn & 1)) -eq 1 ] || [ "$fn" -eq "$sn" ]; then
      r=$(node "$p" "$r")
      while [ $((fn & 1)) -eq 0 ] && [ "$fn" -ne 0 ]; do fn=$((fn >> 1)); sn=$((sn >> 1)); done
    else
      r=$(node "$r" "$p")
    fi
    fn=$((fn >> 1)); sn=$((sn >> 1))
  done
  [ "$sn" -eq 0 ] || { echo "path too short" >&2; return 1; }
  echo "$r"
}

raw_root() {
  local work; work=$(mktemp -d)
  split -b 1048576 -a 6 -d "$1" "$work/chunk."
  local leaves=() c
  for c in "$work"/chunk.*; do
    [ -e "$c" ] || continue
    leaves+=("$( (printf '\000'; cat "$c") | sha)")
  done
  rm -rf "$work"
  mth "${leaves[@]+"${leaves[@]}"}"
}

raw_dir_root() {
  local dir=$1 leaves=() rel size root
  while IFS= read -r rel; do
    size=$(stat -L -c %s "$dir/$rel")
    root=$(raw_root "$dir/$rel")
    leaves+=("$(leaf "$(printf '%08x' "$(len_of "$rel")")$(hex_of "$rel")$(printf '%016x' "$size")$root")")
  done < <(cd "$dir" && find -L . -type f | sed 's|^\./||' | sort)
  mth "${leaves[@]+"${leaves[@]}"}"
}

row_proof() {
  local key="" array="" line root="" schema="" salt="" chunk="" chunkCount="" chunkRows="" rowInChunk=""
  local schemaPath=() rowPath=() chunkPath=() names=() types=() values=()
  while IFS= read -r line; do
    if [[ $line =~ ^[[:space:]]*\"([A-Za-z]+)\":\ \[$ ]]; then array=${BASH_REMATCH[1]}; continue; fi
    if [[ $line =~ ^[[:space:]]*\][,]?$ ]]; then array=""; continue; fi
    if [[ $line =~ ^[[:space:]]*\"([0-9a-f]{64})\"[,]?$ ]]; then
      case $array in
        schemaPath) schemaPath+=("${BASH_REMATCH[1]}") ;;
        rowPath) rowPath+=("${BASH_REMATCH[1]}") ;;
        chunkPath) chunkPath+=("${BASH_REMATCH[1]}") ;;
      esac
      continue
    fi
    if [[ $line =~ ^[[:space:]]*\"([A-Za-z]+)\":\ (\"(.*)\"|null|[0-9]+)[,]?$ ]]; then
      local k=${BASH_REMATCH[1]} v=${BASH_REMATCH[3]:-${BASH_REMATCH[2]}}
      case $k in
        root) root=$v ;; schema) schema=$v ;; salt) salt=$v ;;
        chunk) chunk=$v ;; chunkCount) chunkCount=$v ;; chunkRows) chunkRows=$v ;; rowInChunk) rowInChunk=$v ;;
        name) names+=("$v") ;; type) types+=("$v") ;; value) values+=("$v") ;;
      esac
    fi
  done < "$1"

  # 1. the schema: "LHT1" ‖ u32(count) ‖ (u32(len) ‖ name)… ‖ u32(len) ‖ key — its names must be the columns'.
  local expected="4c485431$(printf '%08x' "${#names[@]}")" n
  for n in "${names[@]}"; do expected+="$(printf '%08x' "$(len_of "$n")")$(hex_of "$n")"; done
  [ "${schema:0:${#expected}}" = "$expected" ] || { echo "the schema's columns are not the proof's columns" >&2; return 1; }
  local keylen=$((16#${schema:${#expected}:8}))
  key=$(printf '%s' "${schema:$((${#expected} + 8))}" | xxd -r -p)
  [ $(((${#schema} - ${#expected} - 8) / 2)) -eq "$keylen" ] || { echo "the schema's key is malformed" >&2; return 1; }
  local size=$((chunkCount + 1))
  [ "$(fold 0 "$size" "$(leaf "$schema")" "${schemaPath[@]+"${schemaPath[@]}"}")" = "$root" ] || { echo "the schema is not leaf 0 of the root" >&2; return 1; }

  # 2. the row: tag ‖ u32(len) ‖ text per column; null is N with no text.
  local row="" i text keyenc=""
  for i in "${!names[@]}"; do
    text=${values[$i]}
    [ "${types[$i]}" = "N" ] && text=""
    local enc; enc="$(hex_of "${types[$i]}")$(printf '%08x' "$(len_of "$text")")$(hex_of "$text")"
    row+=$enc
    [ "${names[$i]}" = "$key" ] && keyenc=$enc
  done

  # The salt, when the key is known: HMAC-SHA-256(key, key value's encoding, or the row without a key).
  if [ -n "${SALT_KEY_HEX:-}" ]; then
    local m=${keyenc:-$row} computed
    computed=$(printf '%s' "$m" | xxd -r -p | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$SALT_KEY_HEX" -r | cut -c1-64)
    [ "$computed" = "$salt" ] || { echo "the salt is not HMAC(salt key, …)" >&2; return 1; }
  fi

  # 3. leaf = SHA-256(0x00 ‖ salt ‖ row), folded to the chunk's root; 4. the chunk leaf folded to the root.
  local chunkRoot reached
  chunkRoot=$(fold "$rowInChunk" "$chunkRows" "$(leaf "$salt$row")" "${rowPath[@]+"${rowPath[@]}"}") || return 1
  reached=$(fold $((chunk + 1)) "$size" "$(leaf "$(printf '%016x' "$chunkRows")$chunkRoot")" "${chunkPath[@]+"${chunkPath[@]}"}") || return 1
  [ "$reached" = "$root" ] || { echo "the row does not lead to the root" >&2; return 1; }
  echo "$root"
}

case "${1:-}" in
  raw) raw_root "$2" ;;
  raw-dir) raw_dir_root "$2" ;;
  row-proof) row_proof "$2" ;;
  *) echo "usage: $0 raw FILE | raw-dir DIR | row-proof PROOF.json" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# The Tributary image's entrypoint: gives this container a data slot, renders the config and spec it
# was given, then runs the tributary command line with the same arguments.
#
# 1. Slot. Replicas of one compose service share one volume, mounted at TRIBUTARY_DATA_ROOT. Each
#    container takes the lowest-numbered slot directory, <root>/slot-<n>, that no live process holds,
#    and keeps holding it (an flock on <root>/slot-<n>/.claim, an open descriptor the JVM inherits)
#    until it exits. Two live containers never share a slot, and a container that replaces a stopped
#    one (a restart, `docker compose up` after `down`) takes over its slot: its persisted hydrants,
#    its segment cache and its Kafka group.instance.id, so that nothing persisted is orphaned.
#    Exported: TRIBUTARY_SLOT=<n>, TRIBUTARY_DATA_DIR=<root>/slot-<n>.
# 2. Rendering. The file after each --config and --spec is copied to a private directory with every
#    ${NAME} replaced by the environment variable NAME (HOSTNAME, the slot variables above, and
#    whatever the compose file sets); a placeholder whose variable is unset is an error, not an empty
#    string. The command line then names the rendered copies.
# 3. exec java: JAVA_OPTS, the image's classpath, dev.tributary.quickstart.QuickstartMain.
set -euo pipefail

home="${TRIBUTARY_HOME:-/opt/tributary}"
export HOSTNAME="${HOSTNAME:-$(hostname)}"

fail() {
  echo "entrypoint: $*" >&2
  exit 2
}

claim_slot() {
  local root="$1" n dir
  mkdir -p "$root"
  for ((n = 1; n <= 1000; n++)); do
    dir="$root/slot-$n"
    mkdir -p "$dir"
    exec 9>>"$dir/.claim"
    if flock --nonblock 9; then
      export TRIBUTARY_SLOT="$n" TRIBUTARY_DATA_DIR="$dir"
      echo "entrypoint: $HOSTNAME holds data slot $n ($dir)" >&2
      return
    fi
    exec 9>&-
  done
  fail "every data slot under $root is held by a running process"
}

# Prints the text of file $1 with each ${NAME} replaced by the value of the variable NAME.
render() {
  local file="$1" text rest name out=""
  text="$(<"$file")" || fail "cannot read $file"
  rest="$text"
  local pattern='\$\{([A-Za-z_][A-Za-z0-9_]*)\}'
  while [[ "$rest" =~ $pattern ]]; do
    name="${BASH_REMATCH[1]}"
    [[ -n "${!name+set}" ]] || fail "$file uses \${$name}, and the environment does not set $name"
    out+="${rest%%"${BASH_REMATCH[0]}"*}${!name}"
    rest="${rest#*"${BASH_REMATCH[0]}"}"
  done
  printf '%s%s\n' "$out" "$rest"
}

if [[ -n "${TRIBUTARY_DATA_ROOT:-}" ]]; then
  claim_slot "$TRIBUTARY_DATA_ROOT"
fi

rendered="$(mktemp -d "${TMPDIR:-/tmp}/tributary-conf.XXXXXX")"
args=()
while (($# > 0)); do
  case "$1" in
    --config | --spec)
      (($# > 1)) || fail "$1 needs a file"
      target="$rendered/${2##*/}"
      render "$2" >"$target"
      args+=("$1" "$target")
      shift 2
      ;;
    --config=* | --spec=*)
      source_file="${1#*=}"
      target="$rendered/${source_file##*/}"
      render "$source_file" >"$target"
      args+=("${1%%=*}=$target")
      shift
      ;;
    *)
      args+=("$1")
      shift
      ;;
  esac
done

# JAVA_OPTS is split into words on purpose, as bin/tributary does.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$home/lib/*" dev.tributary.quickstart.QuickstartMain "${args[@]}"

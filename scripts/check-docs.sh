#!/usr/bin/env bash
# Checks that what README.md and docs/*.md quote still exists: every repository path in `backticks` (a file or folder
# of the repository, relative to its root or to any folder in it, `{placeholder}` and `*` as wildcards), and every
# command in a code block or in backticks that runs a script, a dotnet project or a test filter. A renamed file or test
# class otherwise leaves the docs pointing at nothing, silently. Exits non-zero listing every stale reference.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

mapfile -t tracked < <(git ls-files)
problems=()

# Made by running or building the app, or outside the repository by design: not expected in git.
generated() {
  case "$1" in
    .data/* | */bin/* | bin/* | */obj/* | node_modules/* | deployments/* | artifacts/* | TestResults* | ../shared/*) return 0 ;;
    # What the build and publish write next to the app, and the git-ignored local settings file.
    extensions.json | worker.config.json | functions.metadata | local.settings.json) return 0 ;;
  esac
  return 1
}

# A media type, an API route, a URL, an option or a placeholder-only token is not a path.
path_like() {
  local t="$1"
  [[ "$t" == */* ]] || [[ "$t" =~ \.(md|cs|csproj|json|bicep|bicepparam|sh|props|sln|txt|yml|yaml)$ ]] || return 1
  [[ "$t" =~ [[:space:]\$\"\'\<\>=:] ]] && return 1
  case "$t" in
    .[a-z]*[!/]) [[ "$t" == */* ]] || return 1 ;; # a file extension such as .en.txt
  esac
  case "$t" in
    /* | http* | -* | *@* | application/* | audio/* | image/* | video/* | text/* | multipart/*) return 1 ;;
  esac
  return 0
}

exists() {
  local token="${1%/}" pattern p
  [ -e "$token" ] && return 0
  generated "$token" && return 0
  [[ "$token" == ../* ]] && { [ -e "$token" ] && return 0 || return 1; }
  # {placeholders} and * stand for any name; a token may be relative to any folder of the repository.
  pattern="$(sed -E 's/\{[^}]*\}/*/g' <<<"$token")"
  for p in "${tracked[@]}"; do
    # shellcheck disable=SC2053 # the pattern is meant to glob
    if [[ "$p" == $pattern || "$p" == $pattern/* || "$p" == */$pattern || "$p" == */$pattern/* ]]; then
      return 0
    fi
  done
  return 1
}

check_path() {
  local file="$1" token="$2"
  if path_like "$token" && ! exists "$token"; then
    problems+=("$file: \`$token\` does not exist")
  fi
}

# A command: the scripts and projects it names exist, and every test class or method in a --filter is defined.
check_command() {
  local file="$1" line="$2" word name
  line="${line#\$ }"
  while [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*[[:space:]]+(.*)$ ]]; do line="${BASH_REMATCH[1]}"; done
  case "$line" in
    scripts/* | bench/* | .ci/* | "bash "* | "dotnet "*) ;;
    *) return 0 ;;
  esac

  for word in $line; do
    word="${word%\"}" && word="${word#\"}"
    case "$word" in
      scripts/* | bench/* | .ci/* | src/* | tests/* | infra/*) check_path "$file" "$word" ;;
    esac
  done

  if [[ "$line" =~ --filter[[:space:]]+\"([^\"]+)\" ]]; then
    local filter="${BASH_REMATCH[1]}"
    while [[ "$filter" =~ (FullyQualifiedName|Name|ClassName)[~=]([A-Za-z0-9_.]+) ]]; do
      name="${BASH_REMATCH[2]##*.}"
      if ! grep -rqE "(class|void|Task) ${name}\b" tests; then
        problems+=("$file: the test filter names \`$name\`, which no test defines")
      fi
      filter="${filter/${BASH_REMATCH[0]}/}"
    done
  fi
}

for file in README.md docs/*.md; do
  in_code=0
  while IFS= read -r line; do
    if [[ "$line" =~ ^[[:space:]]*\`\`\` ]]; then
      in_code=$((1 - in_code))
      continue
    fi

    if [ "$in_code" -eq 1 ]; then
      check_command "$file" "$(sed -E 's/^[[:space:]]+//' <<<"$line")"
      continue
    fi

    while IFS= read -r token; do
      token="${token:1:${#token}-2}"
      if [[ "$token" == *" "* ]]; then
        check_command "$file" "$token"
      else
        check_path "$file" "$token"
      fi
    done < <(grep -oE '`[^`]+`' <<<"$line" || true)
  done <"$file"
done

if [ "${#problems[@]}" -gt 0 ]; then
  printf 'error: %s\n' "${problems[@]}" >&2
  echo "error: ${#problems[@]} reference(s) in README.md or docs/*.md point at nothing (above)" >&2
  exit 1
fi
echo "docs: every quoted path and command exists"

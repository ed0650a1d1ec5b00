#!/usr/bin/env bash
# Runs docs/walkthrough.md against a freshly started Permit API: every ```bash block, exactly as written, in order,
# checking the status its "Expected:" line names (an HTTP status, or `exit 0` for a command). The API runs on a free
# port with a temporary database, key directory and log directory, and is stopped at the end, pass or fail.
# Needs: dotnet, curl, jq. Prints each step and `walkthrough: OK`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
doc="$root/docs/walkthrough.md"
cd "$root"

for tool in curl jq dotnet; do
    command -v "$tool" >/dev/null || { echo "walkthrough: $tool is missing (Debian: apt-get install -y $tool)" >&2; exit 2; }
done

work=$(mktemp -d)
api_pid=""
stop_api() {
    if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
        kill "$api_pid" 2>/dev/null || true
        wait "$api_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap stop_api EXIT

free_port() {
    local port
    for port in $(seq 5180 5999); do
        # Nothing answering on the port: take it.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "walkthrough: no free port between 5180 and 5999" >&2
    return 1
}

# The API and the CLI steps share this configuration (the CLI reads it from the environment too).
export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Permit="Data Source=$work/permit.db"
export Keys__Directory="$work/keys"
export Logging__File__Directory="$work/logs"
# Without the demo seed: the seed's permits do not advance the permit number counter, so on a seeded database the
# first issuance collides with a seeded number (409 duplicate-permit-number). See the note in the walkthrough.
export Seed__Demo=false
export DOTNET_NOLOGO=1

echo "walkthrough: building src/Permit.Api"
dotnet build src/Permit.Api/Permit.Api.csproj -nologo -v quiet >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; exit 1; }

port=$(free_port)
export API="http://127.0.0.1:$port"
echo "walkthrough: starting the API on $API (data in $work)"
dotnet run --project src/Permit.Api --no-build --no-launch-profile -- --urls "$API" >"$work/api.log" 2>&1 &
api_pid=$!

for _ in $(seq 1 120); do
    if curl -fsS "$API/health" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$api_pid" 2>/dev/null; then
        echo "walkthrough: the API stopped while starting:" >&2
        cat "$work/api.log" >&2
        exit 1
    fi
    sleep 1
done
curl -fsS "$API/health" >/dev/null || { echo "walkthrough: /health never answered" >&2; cat "$work/api.log" >&2; exit 1; }

# curl as the walkthrough types it, plus a note of the HTTP status for the check below. The body still goes to
# standard output, so the block's own `| jq …` sees exactly what the API answered.
status_file="$work/status"
curl() {
    local body="$work/body" status rc=0
    status=$(command curl -o "$body" -w '%{http_code}' "$@") || rc=$?
    echo "$status" >"$status_file"
    cat "$body" 2>/dev/null || true
    return "$rc"
}

# The steps: each ```bash block of the walkthrough and the expected status under it.
steps=() expects=() titles=()
title="" block="" in_block=false pending=false
while IFS= read -r line; do
    if $in_block; then
        if [[ "$line" == '```' ]]; then
            in_block=false pending=true
        else
            block+="$line"$'\n'
        fi
    elif [[ "$line" == '```bash' ]]; then
        in_block=true block=""
    elif [[ "$line" == '## '* ]]; then
        title=${line#'## '}
    elif $pending && [[ "$line" =~ ^Expected:\ \`([^\`]+)\` ]]; then
        steps+=("$block") expects+=("${BASH_REMATCH[1]}") titles+=("$title")
        pending=false
    fi
done <"$doc"
if $pending; then
    echo "walkthrough: a bash block in $doc has no Expected line" >&2
    exit 1
fi

current=""
on_error() {
    echo "walkthrough: FAILED at: $current" >&2
    [[ -s "$status_file" ]] && echo "  HTTP status: $(cat "$status_file")" >&2
    [[ -s "$work/body" ]] && { echo "  answer:" >&2; cat "$work/body" >&2; echo >&2; }
    echo "  API log (last 30 lines):" >&2
    tail -n 30 "$work/api.log" >&2 || true
}
trap on_error ERR

for i in "${!steps[@]}"; do
    current="${titles[$i]} (step $((i + 1)) of ${#steps[@]}, expecting ${expects[$i]})"
    echo "==> $current"
    printf '    %s' "${steps[$i]}"
    : >"$status_file"
    rm -f "$work/body"
    eval "${steps[$i]}"
    if [[ "${expects[$i]}" =~ ^[0-9]{3}$ ]]; then
        got=$(cat "$status_file")
        if [[ "$got" != "${expects[$i]}" ]]; then
            echo "walkthrough: expected HTTP ${expects[$i]}, got ${got:-nothing}" >&2
            false
        fi
        echo "    <- $got"
    fi
done

trap - ERR
echo "walkthrough: OK"

#!/usr/bin/env bash
# The whole story on one machine with simulated readers: a private pcscd with two vpcd readers, permit-sim cards, the
# permit API on a temporary SQLite database and permit-agent. Read an ID card, register, take the holder's photo
# (scripts/demo-holder-photo.png standing in for the desk camera), apply, approve, issue, write the card (its EF.PHOTO
# checked against EF.SIG's H2), a clinic checks the card and a school the phone's QR, the card is reported lost and
# replaced, and the old card is then refused online and (after the agent's next sync) offline.
# Leaves in out/demo/: issuer.pub.pem, card-1.json and card-2.json (the emulated cards), permit-qr.png, card-face.png,
# receipt.pdf, trust-root.pub.pem (the demo's TEST trust root), trust-list.cose, revocation-list.cose and transcript.txt. Prints each step and a final verdict line.
# Needs: root (pcscd runs in its own mount namespace), pcscd, vsmartcard-vpcd, dotnet, curl, jq, python3, openssl.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out="$root/out/demo"
rm -rf "$out"
mkdir -p "$out"
exec > >(tee "$out/transcript.txt") 2>&1

for tool in curl jq dotnet python3 openssl pcscd unshare; do
    command -v "$tool" >/dev/null || { echo "demo: $tool is missing (see README: Demo)" >&2; exit 2; }
done
vpcd_driver=/usr/lib/pcsc/drivers/serial/libifdvpcd.so
[[ -f "$vpcd_driver" ]] || { echo "demo: vsmartcard-vpcd is missing ($vpcd_driver)" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "demo: run as root: the private pcscd needs its own mount namespace (unshare -m)" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

step=0
current="start"
say() { step=$((step + 1)); current="$*"; printf '\n== %d. %s\n' "$step" "$*"; }
fail() { echo "demo: FAILED at step $step ($current): $*"; exit 1; }
trap 'echo "demo: FAILED at step $step ($current)"; tail -n 20 "$work/api.log" 2>/dev/null || true' ERR

free_port() {
    # A port whose successor is free too (vpcd listens on port and port + 1).
    python3 -c '
import socket
while True:
    a = socket.socket(); a.bind(("127.0.0.1", 0)); p = a.getsockname()[1]
    b = socket.socket()
    try:
        b.bind(("127.0.0.1", p + 1)); print(p); break
    except OSError:
        pass
    finally:
        a.close(); b.close()'
}

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...
    local seconds=$1 what=$2
    shift 2
    for _ in $(seq 1 $((seconds * 4))); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.25
    done
    fail "$what did not happen within $seconds s"
}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
say "Build the API, the card agent and the card simulator"
for project in src/Permit.Api src/Permit.CardAgent hardware-sim/Permit.HardwareSim; do
    dotnet build "$project" -nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build of $project"; }
done
agent() { dotnet run --project src/Permit.CardAgent --no-build -- "$@"; }
api_cli() { dotnet run --project src/Permit.Api --no-build --no-launch-profile -- "$@"; }

say "Start a private pcscd with two virtual readers (ID card: Virtual PCD 00 00, permit card: Virtual PCD 00 01)"
vpcd_port=$(free_port)
mkdir -p "$work/pcsc/run" "$work/pcsc/conf"
printf 'FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:0x%04X\nLIBPATH      %s\nCHANNELID    0x%04X\n' \
    "$vpcd_port" "$vpcd_driver" "$vpcd_port" >"$work/pcsc/conf/vpcd"
# pcscd always serves /run/pcscd/pcscd.comm: in its own mount namespace that is our private directory, and clients
# find it through PCSCLITE_CSOCK_NAME. The machine's own pcscd (if any) is never touched.
unshare --mount sh -c 'mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && exec pcscd --foreground --error --config "$2"' \
    demo-pcscd "$work/pcsc/run" "$work/pcsc/conf" >"$work/pcscd.log" 2>&1 &
pids+=($!)
export PCSCLITE_CSOCK_NAME="$work/pcsc/run/pcscd.comm"
wait_for 30 "pcscd listing both readers" bash -c "dotnet run --project src/Permit.CardAgent --no-build -- readers --json | jq -e '.readers | length == 2'"
agent readers

say "Start the permit API on a temporary SQLite database"
api_port=$(free_port)
API="http://127.0.0.1:$api_port"
export ASPNETCORE_ENVIRONMENT=Development Seed__Demo=false
export ConnectionStrings__Permit="Data Source=$work/permit.db" Keys__Directory="$work/keys" Logging__File__Directory="$work/logs"
# The trust root as production has it, made here for the demo (TEST material, thrown away with $work): the root signs the
# trust list naming the API's issuer key, the API serves that list, and every verifier pins the root's public key.
api_cli keys root init --out "$work/trust-root"
api_cli keys sign-trust-list --root "$work/trust-root/trust-root.key.pem" --out "$work/trust-list.cose" --local
cp "$work/trust-root/trust-root.pub.pem" "$out/trust-root.pub.pem"
export Trust__ListFile="$work/trust-list.cose" Trust__RootPublicKeyFile="$work/trust-root/trust-root.pub.pem"
dotnet run --project src/Permit.Api --no-build --no-launch-profile -- --urls "$API" >"$work/api.log" 2>&1 &
api_pid=$!
pids+=($api_pid)
wait_for 90 "the API answering /health" curl -fsS "$API/health"
echo "API on $API"

say "Create the officers (host CLI) and sign in; register a clinic and a school terminal"
printf '%s\n' 'demo-admin-pw' | api_cli officers add admin "Wang Admin" Admin
printf '%s\n' 'demo-registrar-pw' | api_cli officers add registrar "Chen Registrar" Registrar 330211
printf '%s\n' 'demo-supervisor-pw' | api_cli officers add supervisor "Zhou Supervisor" Supervisor
token() { curl -sS --fail-with-body -X POST "$API/api/auth/token" -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$2\"}" | jq -er .accessToken; }
ADMIN=$(token admin demo-admin-pw)
REGISTRAR=$(token registrar demo-registrar-pw)
SUPERVISOR=$(token supervisor demo-supervisor-pw)
terminal() { curl -sS --fail-with-body -X POST "$API/api/admin/terminals" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"categories\":[\"$2\"]}" | jq -er .apiKey; }
CLINIC_KEY=$(terminal "Luotuo clinic front desk" Health)
SCHOOL_KEY=$(terminal "Zhenhai No. 2 primary school" Education)
echo "officers admin, registrar, supervisor signed in; terminals for a clinic (Health) and a school (Education)"
reg() { curl -sS --fail-with-body -H "Authorization: Bearer $REGISTRAR" -H 'Content-Type: application/json' "$@"; }

say "Pair this PC's card agent with the API (permit-agent pair: the registrar signs in once; the agent pins the ticket key)"
export PERMIT_AGENT_STATE="$work/agent-state"
printf '%s\n' 'demo-registrar-pw' | agent pair --api "$API" --user registrar --name "demo desk"

say "Read the migrant's ID card in the ID reader (permit-sim id)"
id_port=$vpcd_port
dotnet run --project hardware-sim/Permit.HardwareSim --no-build -- id --port "$id_port" --data docs/samples/id-card.json >"$work/id-sim.log" 2>&1 &
pids+=($!)
wait_for 30 "the ID card inserted" grep -q "card inserted" "$work/id-sim.log"
agent read-id --json >"$work/id-read.json"
jq -c '{name: (.card.name // .name), idNumber: (.card.idNumber // .idNumber)}' "$work/id-read.json"
jq '.card // .' "$work/id-read.json" >"$work/id-card.json"

say "The desk page's way: permit-agent serve answers the page only with a ticket from the paired API"
agent_port=$(free_port)
AGENT="http://127.0.0.1:$agent_port"
# Not through the agent function: in the background that would be a subshell, and stopping it would leave the agent running.
PERMIT_AGENT_ALLOWED_ORIGINS="$API" dotnet run --project src/Permit.CardAgent --no-build -- serve --port "$agent_port" >"$work/agent-serve.log" 2>&1 &
pids+=($!)
wait_for 60 "the agent answering /health" curl -fsS "$AGENT/health"
AGENT_ID=$(curl -fsS "$AGENT/health" | jq -er .agentId)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: rebound.example:$agent_port" "$AGENT/health")
[ "$code" = 421 ] || fail "the agent answered $code to a DNS-rebound Host"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Origin: https://evil.example" "$AGENT/id-card/read")
[ "$code" = 403 ] || fail "the agent answered $code to another site's page"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Origin: $API" -H 'Content-Type: application/json' -d '{}' "$AGENT/id-card/read")
[ "$code" = 401 ] || fail "the agent answered $code without a ticket"
echo "rebound Host: 421, another site: 403, no ticket: 401"
TICKET=$(reg -X POST "$API/api/agent-tickets" -d "{\"agentId\":\"$AGENT_ID\",\"operation\":\"read-id\"}" | jq -er .ticket)
curl -sS --fail-with-body -X POST "$AGENT/id-card/read" -H "Origin: $API" -H "Permit-Agent-Ticket: $TICKET" -H 'Content-Type: application/json' -d '{}' \
    | jq -c '{ticketed_read: .card.name}'

say "Register the resident from the card and declare the residence (居住登记)"
RESIDENT=$(reg -X POST "$API/api/residents/from-id-card" -d @"$work/id-card.json" | jq -er .id)
REGISTRATION=$(reg -X POST "$API/api/registrations" -d "{\"residentId\":\"$RESIDENT\",\"address\":\"浙江省宁波市镇海区骆驼街道中街8号301室\",\"communityCode\":\"330211003001\",\"arrivalDate\":\"$(date +%F)\",\"basis\":\"employment\",\"evidence\":\"劳动合同 2026-001\",\"employerOrLandlord\":\"宁波镇海精工机械有限公司\"}" | jq -er .id)
echo "resident $RESIDENT, registration $REGISTRATION"

say "Take the holder's photo (scripts/demo-holder-photo.png, a SYNTHETIC test picture standing in for the desk camera)"
curl -sS --fail-with-body -X POST "$API/api/residents/$RESIDENT/photos" -H "Authorization: Bearer $REGISTRAR" \
    -H 'Content-Type: image/png' --data-binary @"$root/scripts/demo-holder-photo.png" | jq -c '{source, version, takenAt}'
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$API/api/residents/$RESIDENT/photos" -H "Authorization: Bearer $REGISTRAR" \
    -H 'Content-Type: text/plain' --data-binary 'not a photo')
[[ $code == 422 ]] || fail "a text file was taken as the photo (HTTP $code)"
echo "a text file instead of a photo: refused (HTTP 422 photo-not-an-image)"

say "Apply (talent scheme), complete the documents, accept; the supervisor approves"
APPLICATION=$(reg -X POST "$API/api/applications" -d "{\"residentId\":\"$RESIDENT\",\"exemption\":\"talent\",\"documents\":[{\"kind\":\"idCard\",\"reference\":\"scan/id-card.pdf\"},{\"kind\":\"photo\",\"reference\":\"scan/photo.jpg\"},{\"kind\":\"labourContract\",\"reference\":\"scan/contract.pdf\"}]}" | jq -er .id)
reg -X POST "$API/api/applications/$APPLICATION/accept" | jq -c '{status, acceptedOn}'
curl -sS --fail-with-body -X POST "$API/api/applications/$APPLICATION/approve" -H "Authorization: Bearer $SUPERVISOR" | jq -c '{status, decidedOn}'

say "Issue the permit"
reg -X POST "$API/api/permits" -H "Idempotency-Key: demo-$APPLICATION" -d "{\"applicationId\":\"$APPLICATION\"}" >"$work/issued.json"
PERMIT=$(jq -er .permit.permitNumber "$work/issued.json")
CODE=$(jq -er .activationCode "$work/issued.json")
echo "permit $PERMIT issued (PendingCard until its card is written); the answer carries the one-time activation code for the receipt"

say "Write card 1 on a blank card in the permit reader (permit-agent personalize --api)"
permit_port=$((vpcd_port + 1))
start_permit_card() {  # start_permit_card FILE
    dotnet run --project hardware-sim/Permit.HardwareSim --no-build -- permit --port "$permit_port" --card "$1" >"$work/permit-sim.log" 2>&1 &
    permit_sim=$!
    pids+=($permit_sim)
    wait_for 30 "the permit card inserted" grep -q "card inserted" "$work/permit-sim.log"
}
stop_permit_card() { kill "$permit_sim"; wait "$permit_sim" 2>/dev/null || true; sleep 0.5; }
# The independent check: EF.PHOTO on a card just written holds a JPEG, and its SHA-256 is EF.SIG's H2.
check_photo() {  # check_photo CARD-NUMBER FILE
    python3 - "$@" <<'PY' || fail "card $1's EF.PHOTO does not match EF.SIG's H2"
import base64, hashlib, json, sys
card = json.load(open(sys.argv[2]))
files = next(v for k, v in card.items() if isinstance(v, dict) and "0102" in v)
photo, sig = base64.b64decode(files["0102"]), base64.b64decode(files["0104"])
assert photo[:3] == b"\x5f\x2e\x82", photo[:3].hex()
length = int.from_bytes(photo[3:5], "big")
jpeg = photo[5:5 + length]
assert jpeg[:2] == b"\xff\xd8" and jpeg[-2:] == b"\xff\xd9" and length <= 12 * 1024, length
h2 = sig[sig.index(b"\x94\x20") + 2:][:32]
assert hashlib.sha256(photo[:5 + length]).digest() == h2
print(f"card {sys.argv[1]} carries the holder's photo: EF.PHOTO {5 + length} bytes, a {length}-byte JPEG; SHA-256 = EF.SIG H2 {h2.hex()[:16]}…")
PY
}
start_permit_card "$out/card-1.json"
PERMIT_API_TOKEN=$REGISTRAR agent personalize --api "$API" --permit "$PERMIT"
reg "$API/api/permits/$PERMIT" | jq -c '{status, cards: [.cards[] | {sequence, status}]}'
check_photo 1 "$out/card-1.json"
say "Print the card face, the issuance receipt (with the activation code of the issuance) and publish the issuer key"
reg "$API/api/permits/$PERMIT/card-face?format=png" -o "$out/card-face.png"
reg -X POST "$API/api/permits/$PERMIT/receipt" -d "{\"activationCode\":\"$CODE\"}" -o "$out/receipt.pdf"
curl -sS --fail-with-body "$API/api/trust-list" -o "$out/trust-list.cose"
curl -sS --fail-with-body "$API/api/issuer-keys" | jq -er '.keys[] | select(.label == "active") | .spkiPem' >"$out/issuer.pub.pem"
openssl pkey -pubin -in "$out/issuer.pub.pem" -noout && echo "issuer.pub.pem: a P-256 SubjectPublicKeyInfo"
ls -l "$out/card-face.png" "$out/receipt.pdf" | awk '{print $5, $9}'

say "The holder activates self-service and shows the dynamic e-permit QR (exp a few minutes ahead)"
curl -sS --fail-with-body -X POST "$API/api/self-service/activate" -H 'Content-Type: application/json' -d "{\"activationCode\":\"$CODE\",\"userName\":\"lisi\",\"password\":\"demo-holder-pw-2026\"}" >/dev/null
HOLDER=$(curl -sS --fail-with-body -X POST "$API/api/self-service/token" -H 'Content-Type: application/json' -d '{"userName":"lisi","password":"demo-holder-pw-2026"}' | jq -er .accessToken)
curl -sS --fail-with-body "$API/api/self-service/permit/qr?format=png" -H "Authorization: Bearer $HOLDER" -o "$out/permit-qr.png"
QR=$(curl -sS --fail-with-body "$API/api/self-service/permit/qr" -H "Authorization: Bearer $HOLDER" | jq -er .text)
echo "QR text ${QR:0:24}… (${#QR} characters), image out/demo/permit-qr.png"

say "The agent synchronises the root-signed trust list and the revocation list for offline use"
export PERMIT_AGENT_STATE="$work/agent-state" PERMIT_AGENT_TRUST_ROOT="$out/trust-root.pub.pem"
agent sync --api "$API"

say "A clinic checks the card: the agent verifies it (PA + AA), the clinic asks the register for basic medical care"
agent read-permit --api "$API" | sed -n 1,3p
echo "and offline, from the synchronised lists:"
agent read-permit | sed -n 1p
curl -sS --fail-with-body "$API/api/entitlements/permits/$PERMIT?service=basic-medical-care" -H "X-Api-Key: $CLINIC_KEY" \
    | jq -ce '{eligible, reasonCode, permit: .permit.status} | select(.eligible)'

say "A school checks the phone's QR: the API, the agent offline from the picture, and the independent Python verifier"
curl -sS --fail-with-body -X POST "$API/api/entitlements/lookups/qr" -H "X-Api-Key: $SCHOOL_KEY" -H 'Content-Type: application/json' \
    -d "{\"qr\":\"$QR\",\"service\":\"compulsory-education\"}" | jq -ce '{eligible, reasonCode, genuine: .credential.genuine} | select(.eligible)'
agent verify-qr --image "$out/permit-qr.png" | sed -n 1p
python3 tools/qr-verify/verify.py --trust-root "$out/trust-root.pub.pem" --trust-list "$out/trust-list.cose" "$QR" | jq -ce '{valid, pn: .claims.pn} | select(.valid)'

say "The holder reports the card lost (补领): card 1 is revoked, card 2 is written on a new blank card"
reg -X POST "$API/api/permits/$PERMIT/cards/replacement" | jq -c '{cards: [.cards[] | {sequence, status}]}'
stop_permit_card
start_permit_card "$out/card-2.json"
PERMIT_API_TOKEN=$REGISTRAR agent personalize --api "$API" --permit "$PERMIT"
check_photo 2 "$out/card-2.json"
agent read-permit --api "$API" | sed -n 1,2p

say "The old card turns up: refused online"
stop_permit_card
start_permit_card "$out/card-1.json"
online=0
agent read-permit --api "$API" --json >"$work/old-online.json" || online=$?
echo "before the next sync the agent's offline list (published before the loss) cannot know:"
agent read-permit | sed -n 1p
jq -c '{genuine, reason}' "$work/old-online.json"
[[ $online == 1 && $(jq -r .reason "$work/old-online.json") == revoked ]] || fail "the old card was not refused online as revoked"

say "The daily revocation list is published; after the agent's next sync the old card is refused offline too"
curl -sS --fail-with-body -X POST "$API/api/admin/revocation-list" -H "Authorization: Bearer $ADMIN" -o "$out/revocation-list.cose"
agent sync --api "$API"
echo "the API is stopped: what follows runs with no network"
kill "$api_pid"
wait "$api_pid" 2>/dev/null || true
offline=0
agent read-permit --json >"$work/old-offline.json" || offline=$?
jq -c '{genuine, reason}' "$work/old-offline.json"
[[ $offline == 1 && $(jq -r .reason "$work/old-offline.json") == revoked ]] || fail "the old card was not refused offline as revoked"

echo
echo "demo: OK — ID card read, holder's photo taken, permit $PERMIT issued, card 1 written with the photo, clinic (card) and school (QR) accepted, card 1 lost and replaced by card 2, card 1 refused online and offline as revoked; files in out/demo/"

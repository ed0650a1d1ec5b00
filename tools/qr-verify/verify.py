#!/usr/bin/env python3
"""Independent verifier for Permit QR credentials (qr-credential spec v1).

Written from the spec alone, sharing no code with the C# implementation: its own Base45 (RFC 9285), a minimal
CBOR decoder (RFC 8949, the subset COSE needs), COSE_Sign1 Sig_structure (RFC 9052), zlib from the Python standard
library, and ECDSA P-256 verification by the `openssl` command-line tool (the 64-byte r||s signature is re-encoded
as DER for it). Python 3 standard library only.

usage: verify.py (--trust-root ROOT.pem --trust-list LIST.cose | --trust KEYS.pem) [--now UNIX_SECONDS] [TEXT | -]
  --trust-root ROOT.pem   the pinned trust root's public key (PEM); the trust list must be signed by it
  --trust-list LIST.cose  the root-signed trust list (GET /api/trust-list, docs/trust-list.md)
  --trust KEYS.pem        instead: issuer public keys given by hand (PEM blocks), trusted for any region
  TEXT                    the QR text "RP1:..." (read from standard input when absent or "-")
Prints one JSON object {"valid": bool, "reason": str|null, "kid": hex, "claims": {...}} and exits 0 when valid,
1 when the QR is refused, 2 on usage errors, 3 when the trust list is refused ("reason": "trust-list-refused").
An unsigned (JSON) trust list is refused.
"""
import base64
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zlib

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


class Refused(Exception):
    def __init__(self, reason, detail):
        super().__init__(detail)
        self.reason = reason


def base45_decode(text):
    values = []
    for ch in text:
        index = ALPHABET.find(ch)
        if index < 0:
            raise Refused("malformed", "not Base45: character %r" % ch)
        values.append(index)
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i:i + 3]
        if len(chunk) == 3:
            n = chunk[0] + chunk[1] * 45 + chunk[2] * 45 * 45
            if n > 0xFFFF:
                raise Refused("malformed", "not Base45: triple out of range")
            out += bytes([n >> 8, n & 0xFF])
        elif len(chunk) == 2:
            n = chunk[0] + chunk[1] * 45
            if n > 0xFF:
                raise Refused("malformed", "not Base45: pair out of range")
            out.append(n)
        else:
            raise Refused("malformed", "not Base45: dangling character")
    return bytes(out)


class Cbor:
    """Decodes one CBOR item at a time; enough for COSE_Sign1 and the claims map."""

    def __init__(self, data):
        self.data = data
        self.pos = 0

    def _take(self, n):
        if self.pos + n > len(self.data):
            raise Refused("malformed", "CBOR truncated")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def _argument(self, info):
        if info < 24:
            return info
        if info in (24, 25, 26, 27):
            return int.from_bytes(self._take(1 << (info - 24)), "big")
        raise Refused("malformed", "CBOR indefinite or reserved length")

    def item(self, depth=0):
        if depth > 16:
            raise Refused("malformed", "CBOR nested too deeply")
        head = self._take(1)[0]
        major, info = head >> 5, head & 0x1F
        if major == 7:
            simple = {20: False, 21: True, 22: None}
            if info in simple:
                return simple[info]
            raise Refused("malformed", "CBOR simple/float value not expected")
        value = self._argument(info)
        if major == 0:
            return value
        if major == 1:
            return -1 - value
        if major == 2:
            return bytes(self._take(value))
        if major == 3:
            return self._take(value).decode("utf-8")
        if major == 4:
            return [self.item(depth + 1) for _ in range(value)]
        if major == 5:
            result = {}
            for _ in range(value):
                key = self.item(depth + 1)
                if isinstance(key, (list, dict)):
                    raise Refused("malformed", "CBOR map key is not a scalar")
                if key in result:
                    raise Refused("malformed", "CBOR map has a duplicate key")
                result[key] = self.item(depth + 1)
            return result
        if major == 6:
            return ("tag", value, self.item(depth + 1))
        raise Refused("malformed", "CBOR major type %d" % major)


def cbor_decode_all(data):
    reader = Cbor(data)
    value = reader.item()
    if reader.pos != len(data):
        raise Refused("malformed", "trailing bytes after CBOR item")
    return value


def cbor_head(major, n):
    if n < 24:
        return bytes([(major << 5) | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < (1 << (8 * size)):
            return bytes([(major << 5) | info]) + n.to_bytes(size, "big")
    raise ValueError("too long")


def sig_structure(protected, payload):
    context = b"Signature1"
    return (cbor_head(4, 4) + cbor_head(3, len(context)) + context + cbor_head(2, len(protected)) + protected
            + cbor_head(2, 0) + cbor_head(2, len(payload)) + payload)


def der_integer(value):
    value = value.lstrip(b"\x00") or b"\x00"
    if value[0] & 0x80:
        value = b"\x00" + value
    return b"\x02" + bytes([len(value)]) + value


def ecdsa_der(raw):
    body = der_integer(raw[:32]) + der_integer(raw[32:])
    return b"\x30" + bytes([len(body)]) + body


def pem_public_keys(text):
    spkis, block = [], None
    for line in text.splitlines():
        if line.startswith("-----BEGIN PUBLIC KEY-----"):
            block = []
        elif line.startswith("-----END PUBLIC KEY-----") and block is not None:
            spkis.append(base64.b64decode("".join(block)))
            block = None
        elif block is not None:
            block.append(line.strip())
    return spkis


def load_trust(path):
    """Keys given by hand: PEM only (an unsigned JSON list proves nothing), no status, window or region limits."""
    with open(path, "rb") as f:
        text = f.read().decode("utf-8", "replace")
    if text.lstrip().startswith("{"):
        raise TrustRefused("malformed", "an unsigned JSON trust list is not accepted: use --trust-root and --trust-list")
    return {hashlib.sha256(spki).digest()[:8]: {"spki": spki} for spki in pem_public_keys(text)}


class TrustRefused(Exception):
    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code


def cose_sign1(data):
    """(protected bytes, protected map, kid, payload, signature) of a COSE_Sign1, tagged or not."""
    message = cbor_decode_all(data)
    if isinstance(message, tuple):
        if message[1] != 18:
            raise Refused("malformed", "CBOR tag %d is not COSE_Sign1 (18)" % message[1])
        message = message[2]
    if not (isinstance(message, list) and len(message) == 4):
        raise Refused("malformed", "COSE_Sign1 is not a 4-element array")
    protected_bytes, unprotected, payload, signature = message
    if not all(isinstance(x, bytes) for x in (protected_bytes, payload, signature)) or not isinstance(unprotected, dict):
        raise Refused("malformed", "COSE_Sign1 element types")
    protected = cbor_decode_all(protected_bytes) if protected_bytes else {}
    if not isinstance(protected, dict) or protected.get(1) != -7:
        raise Refused("malformed", "alg is not ES256 (-7)")
    kid = protected.get(4)
    if not isinstance(kid, bytes) or len(kid) != 8:
        raise Refused("malformed", "kid is not 8 bytes")
    if len(signature) != 64:
        raise Refused("malformed", "signature is not 64 bytes")
    return protected_bytes, kid, payload, signature


def load_signed_trust(root_path, list_path, now):
    """The root-signed trust list (docs/trust-list.md), checked against the pinned root: kid -> key entry."""
    with open(root_path, "rb") as f:
        roots = pem_public_keys(f.read().decode("utf-8", "replace"))
    if len(roots) != 1:
        raise TrustRefused("malformed", "the trust root file must hold exactly one PUBLIC KEY")
    root = roots[0]
    with open(list_path, "rb") as f:
        data = f.read()
    try:
        protected_bytes, kid, payload, signature = cose_sign1(data)
        if kid != hashlib.sha256(root).digest()[:8]:
            raise TrustRefused("foreign-root", "the trust list is signed by key %s, not the pinned root" % kid.hex())
        if not openssl_verify(root, sig_structure(protected_bytes, payload), signature):
            raise TrustRefused("bad-signature", "the trust list's signature does not verify with the pinned root")
        body = cbor_decode_all(payload)
    except Refused as refusal:
        raise TrustRefused("malformed", str(refusal))
    if not isinstance(body, dict) or body.get("v") != 1 or not isinstance(body.get("no"), int) or body["no"] < 1 \
            or not isinstance(body.get("ia"), int) or not isinstance(body.get("ks"), list):
        raise TrustRefused("malformed", "the trust list payload is not a version 1 map")
    if body["ia"] > now + 300:
        raise TrustRefused("issued-in-future", "the trust list's issue time is more than 5 minutes ahead")
    keys = {}
    for entry in body["ks"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("kid"), bytes) or not isinstance(entry.get("spki"), bytes) \
                or entry.get("st") not in ("active", "retired", "revoked") or not isinstance(entry.get("nb"), int) \
                or not isinstance(entry.get("rg"), list) or ("na" in entry and not isinstance(entry["na"], int)):
            raise TrustRefused("malformed", "a key entry misses kid, spki, st, nb or rg")
        if hashlib.sha256(entry["spki"]).digest()[:8] != entry["kid"] or entry["kid"] in keys:
            raise TrustRefused("malformed", "a key entry's kid does not match its spki, or repeats")
        keys[entry["kid"]] = entry
    return keys


def openssl_verify(spki, data, raw_signature):
    pem = "-----BEGIN PUBLIC KEY-----\n" + base64.encodebytes(spki).decode("ascii") + "-----END PUBLIC KEY-----\n"
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: os.path.join(tmp, name) for name in ("key.pem", "sig.der", "data.bin")}
        with open(paths["key.pem"], "w") as f:
            f.write(pem)
        with open(paths["sig.der"], "wb") as f:
            f.write(ecdsa_der(raw_signature))
        with open(paths["data.bin"], "wb") as f:
            f.write(data)
        result = subprocess.run(
            ["openssl", "dgst", "-sha256", "-verify", paths["key.pem"], "-signature", paths["sig.der"], paths["data.bin"]],
            capture_output=True)
        return result.returncode == 0


def verify(text, trust, now):
    if not text.startswith("RP1:"):
        raise Refused("malformed", "no RP1: prefix")
    packed = base45_decode(text[4:])
    if packed[:1] in (b"\xd2", b"\x84"):
        cose = packed
    else:
        inflater = zlib.decompressobj()
        try:
            cose = inflater.decompress(packed, 65536)
        except zlib.error as e:
            raise Refused("malformed", "zlib: %s" % e)
        if inflater.unconsumed_tail or not inflater.eof:
            raise Refused("malformed", "zlib stream incomplete or too large")
    protected_bytes, kid, payload, signature = cose_sign1(cose)
    claims = cbor_decode_all(payload)
    if not isinstance(claims, dict) or claims.get("v") != 1:
        raise Refused("malformed", "claims are not a version 1 map")
    for key, kind in (("pn", str), ("cs", int), ("n", str), ("id", str), ("rc", str), ("vu", str), ("iat", int)):
        if not isinstance(claims.get(key), kind):
            raise Refused("malformed", "claim %s missing or of the wrong type" % key)
    if kid not in trust:
        raise Refused("unknown-key", "kid %s not trusted" % kid.hex())
    key = trust[kid]
    if key.get("st") == "revoked":
        raise Refused("issuer-key-revoked", "key %s is revoked on the trust list" % kid.hex())
    if not openssl_verify(key["spki"], sig_structure(protected_bytes, payload), signature):
        raise Refused("bad-signature", "ECDSA signature does not verify")
    if "rg" in key and not any(claims["pn"].startswith(prefix) for prefix in key["rg"]):
        raise Refused("issuer-not-authorised-for-region", "key %s may not issue for region %s" % (kid.hex(), claims["pn"][:6]))
    if claims["iat"] < key.get("nb", 0) or ("na" in key and claims["iat"] > key["na"]):
        raise Refused("issuer-key-outside-validity", "iat is outside the key's not-before/not-after")
    china_today = datetime.datetime.fromtimestamp(now, datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y%m%d")
    if china_today > claims["vu"]:
        raise Refused("expired", "valid until %s" % claims["vu"])
    if isinstance(claims.get("exp"), int) and now > claims["exp"]:
        raise Refused("stale", "exp has passed")
    return kid, claims


def main(argv):
    args = list(argv)
    trust_path, root_path, list_path, now, text = None, None, None, None, None
    while args:
        arg = args.pop(0)
        if arg == "--trust" and args:
            trust_path = args.pop(0)
        elif arg == "--trust-root" and args:
            root_path = args.pop(0)
        elif arg == "--trust-list" and args:
            list_path = args.pop(0)
        elif arg == "--now" and args:
            now = int(args.pop(0))
        elif text is None and not arg.startswith("--"):
            text = arg
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if (trust_path is None) == (root_path is None or list_path is None) or (trust_path is not None and (root_path or list_path)):
        print(__doc__, file=sys.stderr)
        return 2
    if text is None or text == "-":
        text = sys.stdin.read()
    now = now if now is not None else int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    try:
        trust = load_trust(trust_path) if trust_path else load_signed_trust(root_path, list_path, now)
    except (TrustRefused, OSError, ValueError, UnicodeDecodeError) as e:
        code = e.code if isinstance(e, TrustRefused) else "malformed"
        print(json.dumps({"valid": False, "reason": "trust-list-refused", "detail": "%s: %s" % (code, e)}))
        return 3
    try:
        kid, claims = verify(text.strip(), trust, now)
    except Refused as refusal:
        print(json.dumps({"valid": False, "reason": refusal.reason, "detail": str(refusal)}))
        return 1
    except (UnicodeDecodeError, ValueError) as e:
        print(json.dumps({"valid": False, "reason": "malformed", "detail": str(e)}))
        return 1
    print(json.dumps({"valid": True, "reason": None, "kid": kid.hex(), "claims": claims}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Independent verifier for Permit QR credentials (qr-credential spec v1).

Written from the spec alone, sharing no code with the C# implementation: its own Base45 (RFC 9285), a minimal
CBOR decoder (RFC 8949, the subset COSE needs), COSE_Sign1 Sig_structure (RFC 9052), zlib from the Python standard
library, and ECDSA P-256 verification by the `openssl` command-line tool (the 64-byte r||s signature is re-encoded
as DER for it). Python 3 standard library only.

usage: verify.py --trust FILE [--now UNIX_SECONDS] [TEXT | -]
  --trust FILE   the API's trust list JSON ({"keys":[{"spki": base64 DER}]}) or a PEM file of public keys
  TEXT           the QR text "RP1:..." (read from standard input when absent or "-")
Prints one JSON object {"valid": bool, "reason": str|null, "kid": hex, "claims": {...}} and exits 0 when valid,
1 when refused, 2 on usage errors.
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


def load_trust(path):
    with open(path, "rb") as f:
        content = f.read()
    spkis = []
    text = content.decode("utf-8", "replace")
    if text.lstrip().startswith("{"):
        for entry in json.loads(text).get("keys", []):
            spkis.append(base64.b64decode(entry["spki"]))
    else:
        block = None
        for line in text.splitlines():
            if line.startswith("-----BEGIN PUBLIC KEY-----"):
                block = []
            elif line.startswith("-----END PUBLIC KEY-----") and block is not None:
                spkis.append(base64.b64decode("".join(block)))
                block = None
            elif block is not None:
                block.append(line.strip())
    return {hashlib.sha256(spki).digest()[:8]: spki for spki in spkis}


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
    message = cbor_decode_all(cose)
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
    if protected.get(1) != -7:
        raise Refused("malformed", "alg is not ES256 (-7)")
    kid = protected.get(4)
    if not isinstance(kid, bytes) or len(kid) != 8:
        raise Refused("malformed", "kid is not 8 bytes")
    if len(signature) != 64:
        raise Refused("malformed", "signature is not 64 bytes")
    claims = cbor_decode_all(payload)
    if not isinstance(claims, dict) or claims.get("v") != 1:
        raise Refused("malformed", "claims are not a version 1 map")
    for key, kind in (("pn", str), ("cs", int), ("n", str), ("id", str), ("rc", str), ("vu", str), ("iat", int)):
        if not isinstance(claims.get(key), kind):
            raise Refused("malformed", "claim %s missing or of the wrong type" % key)
    if kid not in trust:
        raise Refused("unknown-key", "kid %s not trusted" % kid.hex())
    if not openssl_verify(trust[kid], sig_structure(protected_bytes, payload), signature):
        raise Refused("bad-signature", "ECDSA signature does not verify")
    china_today = datetime.datetime.fromtimestamp(now, datetime.timezone(datetime.timedelta(hours=8))).strftime("%Y%m%d")
    if china_today > claims["vu"]:
        raise Refused("expired", "valid until %s" % claims["vu"])
    if isinstance(claims.get("exp"), int) and now > claims["exp"]:
        raise Refused("stale", "exp has passed")
    return kid, claims


def main(argv):
    args = list(argv)
    trust_path, now, text = None, None, None
    while args:
        arg = args.pop(0)
        if arg == "--trust" and args:
            trust_path = args.pop(0)
        elif arg == "--now" and args:
            now = int(args.pop(0))
        elif text is None and not arg.startswith("--"):
            text = arg
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if trust_path is None:
        print(__doc__, file=sys.stderr)
        return 2
    if text is None or text == "-":
        text = sys.stdin.read()
    now = now if now is not None else int(datetime.datetime.now(datetime.timezone.utc).timestamp())
    try:
        kid, claims = verify(text.strip(), load_trust(trust_path), now)
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

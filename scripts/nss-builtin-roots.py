#!/usr/bin/env python3
"""Lists the roots built into an NSS libnssckbi.so: Mozilla's CA list (certdata.txt) as NSS compiles it.

Used by scripts/refresh-trust-store.sh. Reads the module through its own PKCS#11 interface (ctypes, no other
dependency): every certificate object, the trust object that goes with it (matched by issuer and serial number, as
NSS does), and the NSS attribute CKA_NSS_SERVER_DISTRUST_AFTER (Mozilla's partial distrust).

Usage: nss-builtin-roots.py /path/to/libnssckbi.so
Prints to stdout, first a line "# module<TAB>description<TAB>major.minor" (the builtins version, e.g. 2.92), then
one line per certificate: sha256<TAB>server-trust<TAB>distrust-after<TAB>label<TAB>DER in base64, where server-trust
is "trusted" (CKT_NSS_TRUSTED_DELEGATOR: a root for TLS server certificates), "must-verify", "not-trusted" or
"unknown", and distrust-after is an ISO-8601 UTC instant or "-".
"""
import base64
import ctypes
import hashlib
import sys
from ctypes import CFUNCTYPE, POINTER, Structure, byref, c_char, c_ubyte, c_ulong, c_void_p

CK_ULONG = c_ulong
CK_RV = c_ulong

CKO_CERTIFICATE = 0x1
CKA_CLASS, CKA_LABEL, CKA_VALUE, CKA_ISSUER, CKA_SERIAL_NUMBER = 0x0, 0x3, 0x11, 0x81, 0x82
NSS_VENDOR = 0x80000000 | 0x4E534350            # CK*_VENDOR_DEFINED | NSSCK_VENDOR_NSS
CKO_NSS_TRUST = NSS_VENDOR + 3
CKA_NSS_SERVER_DISTRUST_AFTER = NSS_VENDOR + 35
CKA_TRUST_SERVER_AUTH = NSS_VENDOR + 0x2000 + 8
TRUST_LEVELS = {NSS_VENDOR + 2: "trusted", NSS_VENDOR + 3: "must-verify", NSS_VENDOR + 10: "not-trusted"}
CKF_SERIAL_SESSION = 0x4

# CK_FUNCTION_LIST, in the order PKCS#11 v2 defines (only the first 29 entries are used).
FUNCTIONS = ["C_Initialize", "C_Finalize", "C_GetInfo", "C_GetFunctionList", "C_GetSlotList", "C_GetSlotInfo",
             "C_GetTokenInfo", "C_GetMechanismList", "C_GetMechanismInfo", "C_InitToken", "C_InitPIN", "C_SetPIN",
             "C_OpenSession", "C_CloseSession", "C_CloseAllSessions", "C_GetSessionInfo", "C_GetOperationState",
             "C_SetOperationState", "C_Login", "C_Logout", "C_CreateObject", "C_CopyObject", "C_DestroyObject",
             "C_GetObjectSize", "C_GetAttributeValue", "C_SetAttributeValue", "C_FindObjectsInit", "C_FindObjects",
             "C_FindObjectsFinal"]


class Version(Structure):
    _fields_ = [("major", c_ubyte), ("minor", c_ubyte)]


class Info(Structure):
    _fields_ = [("cryptokiVersion", Version), ("manufacturerID", c_char * 32), ("flags", CK_ULONG),
                ("libraryDescription", c_char * 32), ("libraryVersion", Version)]


class Attribute(Structure):
    _fields_ = [("type", CK_ULONG), ("pValue", c_void_p), ("ulValueLen", CK_ULONG)]


class FunctionList(Structure):
    _fields_ = [("version", Version)] + [(name, c_void_p) for name in FUNCTIONS]


class Module:
    def __init__(self, path):
        library = ctypes.CDLL(path)
        functions = POINTER(FunctionList)()
        self._check(library.C_GetFunctionList(byref(functions)), "C_GetFunctionList")
        self._functions = functions.contents
        self._call("C_Initialize", [c_void_p], None)
        info = Info()
        self._call("C_GetInfo", [POINTER(Info)], byref(info))
        self.description = info.libraryDescription.decode("utf-8", "replace").strip()
        self.version = f"{info.libraryVersion.major}.{info.libraryVersion.minor}"
        count = CK_ULONG()
        self._call("C_GetSlotList", [c_ubyte, POINTER(CK_ULONG), POINTER(CK_ULONG)], 1, None, byref(count))
        slots = (CK_ULONG * count.value)()
        self._call("C_GetSlotList", [c_ubyte, POINTER(CK_ULONG), POINTER(CK_ULONG)], 1, slots, byref(count))
        if count.value == 0:
            raise SystemExit("the module has no slot with a token")
        self._session = CK_ULONG()
        self._call("C_OpenSession", [CK_ULONG, CK_ULONG, c_void_p, c_void_p, POINTER(CK_ULONG)],
                   slots[0], CKF_SERIAL_SESSION, None, None, byref(self._session))

    @staticmethod
    def _check(rv, what):
        if rv != 0:
            raise SystemExit(f"{what} failed: CKR 0x{rv:x}")

    def _call(self, name, argtypes, *args):
        function = CFUNCTYPE(CK_RV, *argtypes)(getattr(self._functions, name))
        self._check(function(*args), name)

    def objects(self, object_class):
        value = CK_ULONG(object_class)
        template = (Attribute * 1)(Attribute(CKA_CLASS, ctypes.cast(byref(value), c_void_p), ctypes.sizeof(value)))
        self._call("C_FindObjectsInit", [CK_ULONG, POINTER(Attribute), CK_ULONG], self._session, template, 1)
        found, batch, count = [], (CK_ULONG * 64)(), CK_ULONG()
        while True:
            self._call("C_FindObjects", [CK_ULONG, POINTER(CK_ULONG), CK_ULONG, POINTER(CK_ULONG)],
                       self._session, batch, 64, byref(count))
            if count.value == 0:
                break
            found.extend(batch[:count.value])
        self._call("C_FindObjectsFinal", [CK_ULONG], self._session)
        return found

    def attribute(self, handle, attribute_type):
        """The attribute's bytes, or None when the object does not have it."""
        get = CFUNCTYPE(CK_RV, CK_ULONG, CK_ULONG, POINTER(Attribute), CK_ULONG)(self._functions.C_GetAttributeValue)
        template = (Attribute * 1)(Attribute(attribute_type, None, 0))
        if get(self._session, handle, template, 1) != 0 or template[0].ulValueLen == CK_ULONG(-1).value:
            return None
        buffer = ctypes.create_string_buffer(template[0].ulValueLen)
        template[0].pValue = ctypes.cast(buffer, c_void_p)
        self._check(get(self._session, handle, template, 1), "C_GetAttributeValue")
        return buffer.raw


def distrust_after(value):
    """CK_FALSE (one zero byte) when not set; else a UTCTime YYMMDDHHMMSSZ, as ISO-8601 (RFC 5280 century rule)."""
    if value is None or value == b"\x00":
        return "-"
    text = value.decode("ascii")
    if len(text) != 13 or not text.endswith("Z") or not text[:12].isdigit():
        raise SystemExit(f"unexpected CKA_NSS_SERVER_DISTRUST_AFTER value {value!r}")
    year = int(text[0:2])
    year += 2000 if year < 50 else 1900
    return f"{year:04d}-{text[2:4]}-{text[4:6]}T{text[6:8]}:{text[8:10]}:{text[10:12]}Z"


def main(path):
    module = Module(path)
    trust = {}
    for handle in module.objects(CKO_NSS_TRUST):
        key = (module.attribute(handle, CKA_ISSUER), module.attribute(handle, CKA_SERIAL_NUMBER))
        level = module.attribute(handle, CKA_TRUST_SERVER_AUTH)
        trust[key] = TRUST_LEVELS.get(int.from_bytes(level, sys.byteorder), "unknown") if level else "unknown"
    print(f"# module\t{module.description}\t{module.version}")
    for handle in module.objects(CKO_CERTIFICATE):
        der = module.attribute(handle, CKA_VALUE)
        key = (module.attribute(handle, CKA_ISSUER), module.attribute(handle, CKA_SERIAL_NUMBER))
        label = (module.attribute(handle, CKA_LABEL) or b"").rstrip(b"\x00").decode("utf-8", "replace")
        print("\t".join([hashlib.sha256(der).hexdigest(), trust.get(key, "unknown"),
                         distrust_after(module.attribute(handle, CKA_NSS_SERVER_DISTRUST_AFTER)),
                         label.replace("\t", " "), base64.b64encode(der).decode("ascii")]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])

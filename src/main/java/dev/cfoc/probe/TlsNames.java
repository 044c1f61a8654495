package dev.cfoc.probe;

import dev.cfoc.plan.TlsVersion;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Names for what goes over the wire: IANA cipher suite names and protocol versions. */
public final class TlsNames {

    private static final Map<Integer, String> SUITE_NAMES = suiteNames();

    private TlsNames() {
    }

    /** The IANA name of a cipher suite (e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), or its code in hex. */
    public static String cipherSuite(int code) {
        String name = SUITE_NAMES.get(code);
        return name != null ? name : String.format("0x%04X", code);
    }

    /** IANA names, comma-separated, in the given order. */
    public static String cipherSuites(Collection<Integer> codes) {
        return codes.stream().map(TlsNames::cipherSuite).collect(Collectors.joining(", "));
    }

    /** API names (TLSv1, TLSv1.2, …), comma-separated. */
    public static String versions(Collection<TlsVersion> versions) {
        return versions.stream().map(TlsVersion::apiName).collect(Collectors.joining(", "));
    }

    /** Every cipher suite code Bouncy Castle names, ascending. */
    static List<Integer> allKnownCipherSuites() {
        return SUITE_NAMES.keySet().stream().sorted().toList();
    }

    static ProtocolVersion protocolVersion(TlsVersion version) {
        return ProtocolVersion.get(version.wireValue() >> 8, version.wireValue() & 0xFF);
    }

    static Optional<TlsVersion> tlsVersion(ProtocolVersion version) {
        return TlsVersion.fromWireValue(version.getFullVersion());
    }

    private static Map<Integer, String> suiteNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : CipherSuite.class.getFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != int.class || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) {
                continue;
            }
            try {
                int code = field.getInt(null);
                String name = field.getName();
                // The same code can carry a draft name as well as the final one: keep the final one.
                names.merge(code, name, (kept, other) -> kept.startsWith("DRAFT_") ? other : kept);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + field, e);
            }
        }
        return Map.copyOf(names);
    }
}

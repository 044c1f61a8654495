package dev.cfoc.bench;

import dev.cfoc.finding.FindingCode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.cfoc.finding.FindingCode.*;

/**
 * One kind of benchmark origin: how it misbehaves, the origin settings it gets in the generated distribution config,
 * and the finding codes the checker must report for it (the benchmark also checks correctness).
 */
enum OriginKind {
    HEALTHY(Set.of()),
    EXPIRED(Set.of(CERT_EXPIRED)),
    WRONG_NAME(Set.of(CERT_NAME_MISMATCH)),
    /** Accepts TCP and never sends a byte: the handshake times out after ConnectionTimeout. */
    TARPIT(Set.of(TLS_HANDSHAKE_TIMEOUT)),
    /** Answers, but only after {@link #SLOW_RESPONSE}, within its OriginReadTimeout: healthy but slow. */
    SLOW(Set.of()),
    /** Completes the handshake and never answers the request: OriginReadTimeout. */
    STALLED(Set.of(ORIGIN_READ_TIMEOUT)),
    CLOSED_PORT(Set.of(PORT_UNREACHABLE)),
    MISSING_INTERMEDIATE(Set.of(CERT_CHAIN_INCOMPLETE)),
    WRONG_ORDER(Set.of(CERT_CHAIN_ORDER)),
    SELF_SIGNED(Set.of(CERT_SELF_SIGNED)),
    UNTRUSTED(Set.of(CERT_UNTRUSTED)),
    EXPIRING_SOON(Set.of(CERT_EXPIRING_SOON)),
    TLS13_ONLY(Set.of(TLS_NO_COMMON_PROTOCOL)),
    CHACHA_ONLY(Set.of(TLS_NO_COMMON_CIPHER)),
    TLS10_ONLY(Set.of(TLS_DEPRECATED_PROTOCOL)),
    NOT_TLS(Set.of(TLS_HANDSHAKE_FAILED)),
    HTTP_503(Set.of(HTTP_5XX));

    /** How long a {@link #SLOW} origin takes to answer. */
    static final Duration SLOW_RESPONSE = Duration.ofMillis(1500);

    /** The origin settings of every kind, unless a kind says otherwise (seconds, as in the AWS API). */
    static final int CONNECTION_TIMEOUT_S = 3;
    static final int CONNECTION_ATTEMPTS = 3;
    static final int READ_TIMEOUT_S = 4;

    private final Set<FindingCode> expected;

    OriginKind(Set<FindingCode> expected) {
        this.expected = Set.copyOf(expected);
    }

    /** The codes the checker must report for an origin of this kind: exactly these. */
    Set<FindingCode> expected() {
        return expected;
    }

    /** A DNS label: {@code wrong-name}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** OriginSslProtocols of this kind's origins. */
    List<String> sslProtocols() {
        return this == TLS10_ONLY ? List.of("TLSv1", "TLSv1.2") : List.of("TLSv1.2");
    }

    static OriginKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

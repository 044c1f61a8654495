package dev.cfoc.probe;

import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one probe of one {@link ProbeTarget} saw. Plain data; the report is built from it afterwards.
 *
 * @param address    the IP address connected to (last attempt), when DNS resolved
 * @param tlsVersion negotiated version (API name, e.g. TLSv1.2), when the handshake completed
 * @param cipherSuite negotiated suite (IANA name), when the handshake completed
 * @param certificateChain the chain as the origin sent it, when one was received
 * @param httpStatus status code of the response, when one was read
 * @param timingsMs  dns, connect, tls, http: milliseconds spent in each step that ran
 * @param problems   everything wrong, in the order found
 */
public record ProbeResult(
        ProbeTarget target,
        Optional<String> address,
        Optional<String> tlsVersion,
        Optional<String> cipherSuite,
        List<CertificateSummary> certificateChain,
        OptionalInt httpStatus,
        Map<String, Long> timingsMs,
        List<Problem> problems) {

    public ProbeResult {
        certificateChain = List.copyOf(certificateChain);
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        problems = List.copyOf(problems);
    }

    /** A probe that saw nothing (it never ran, or failed before it connected): only {@code problem}. */
    static ProbeResult nothingSeen(ProbeTarget target, Problem problem) {
        return new ProbeResult(target, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                OptionalInt.empty(), Map.of(), List.of(problem));
    }
}

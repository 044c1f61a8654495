package dev.cfoc.probe;

import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.cert.CertificateVerifier;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;

import java.util.List;
import java.util.Locale;

/** Tiny certificate verifiers for probe tests (the real rules are tested in the cert package). */
final class TestVerifiers {

    private TestVerifiers() {
    }

    /** Accepts a chain whose leaf has a SAN equal (ignoring case) to one of the accepted names. */
    static CertificateVerifier leafNameMatches() {
        return (chain, acceptedNames) -> {
            if (chain.isEmpty()) {
                return List.of(Problem.of(FindingCode.CERT_CHAIN_INCOMPLETE, "no certificate"));
            }
            List<String> sans = CertificateSummary.subjectAltNames(chain.getFirst()).stream()
                    .map(n -> n.toLowerCase(Locale.ROOT)).toList();
            boolean covered = acceptedNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(sans::contains);
            return covered ? List.of()
                    : List.of(Problem.of(FindingCode.CERT_NAME_MISMATCH, "leaf covers " + sans + ", not " + acceptedNames));
        };
    }

    /** Always reports the given problem. */
    static CertificateVerifier always(Problem problem) {
        return (chain, acceptedNames) -> List.of(problem);
    }
}

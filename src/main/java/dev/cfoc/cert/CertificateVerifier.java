package dev.cfoc.cert;

import dev.cfoc.finding.Problem;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * Applies CloudFront's certificate rules to a chain as the origin sent it. Pure: no I/O.
 * An empty result means CloudFront would accept the chain.
 */
public interface CertificateVerifier {

    /**
     * @param chain         the certificates in the order the origin sent them (leaf first when correct)
     * @param acceptedNames names of which the leaf must cover at least one (SNI/Host value, origin domain)
     */
    List<Problem> verify(List<X509Certificate> chain, Set<String> acceptedNames);
}

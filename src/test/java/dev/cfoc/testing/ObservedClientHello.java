package dev.cfoc.testing;

import dev.cfoc.plan.TlsVersion;

import java.util.List;
import java.util.Optional;

/**
 * What a sample server saw in a ClientHello, as it came off the wire (signalling suites included).
 * Extensions are empty when the server refused the version before reading them.
 *
 * @param clientVersion     the highest version offered (ClientHello.client_version, or the top of supported_versions)
 * @param supportedVersions the supported_versions extension (empty when absent: only TLS 1.3 clients send it)
 * @param cipherSuites      cipher suite codes in the client's order
 * @param serverName        the SNI host name
 * @param namedGroups       supported_groups codes
 * @param signatureSchemes  signature_algorithms codes
 */
public record ObservedClientHello(Optional<TlsVersion> clientVersion, List<TlsVersion> supportedVersions,
                                  List<Integer> cipherSuites, Optional<String> serverName, List<Integer> namedGroups,
                                  List<Integer> signatureSchemes) {

    public ObservedClientHello {
        supportedVersions = List.copyOf(supportedVersions);
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
        signatureSchemes = List.copyOf(signatureSchemes);
    }
}

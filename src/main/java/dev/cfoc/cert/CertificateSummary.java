package dev.cfoc.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What a report shows of one certificate of a chain, in the order the origin sent it. */
public record CertificateSummary(
        String subject,
        String issuer,
        List<String> subjectAltNames,
        Instant notBefore,
        Instant notAfter,
        String serialNumber,
        String sha256Fingerprint,
        String publicKey,
        String signatureAlgorithm) {

    public CertificateSummary {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_IP_ADDRESS = 7;

    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                subjectAltNames(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                certificate.getSerialNumber().toString(16),
                sha256Fingerprint(certificate),
                describeKey(certificate),
                certificate.getSigAlgName());
    }

    /** DNS names (and IP addresses) of the subjectAltName extension, in certificate order. */
    public static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            var entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == SAN_DNS_NAME || type == SAN_IP_ADDRESS) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("<unparseable subjectAltName>");
        }
        return names;
    }

    private static String describeKey(X509Certificate certificate) {
        var key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return key.getAlgorithm();
    }

    /** The SHA-256 fingerprint of the certificate's DER encoding, as reports show it: {@code AB:CD:...}. */
    static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "<unavailable>";
        }
    }
}

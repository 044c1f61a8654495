package dev.cfoc.cert;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads the X.509 certificates of a PEM text; lines outside BEGIN/END CERTIFICATE blocks (comments) are ignored. */
final class PemCertificates {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private PemCertificates() {
    }

    /** @param source names the text in messages (a file path, a resource name) */
    static List<X509Certificate> parse(String pem, String source) throws TrustAnchorException {
        CertificateFactory factory = x509Factory();
        List<X509Certificate> certificates = new ArrayList<>();
        int from = pem.indexOf(BEGIN);
        while (from >= 0) {
            int number = certificates.size() + 1;
            int to = pem.indexOf(END, from);
            if (to < 0) {
                throw new TrustAnchorException("certificate #" + number + " in " + source + " has no " + END + " line");
            }
            String base64 = pem.substring(from + BEGIN.length(), to);
            certificates.add(decode(factory, base64, source, number));
            from = pem.indexOf(BEGIN, to + END.length());
        }
        if (certificates.isEmpty()) {
            throw new TrustAnchorException(source + " contains no PEM certificate (expected " + BEGIN + " blocks)");
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate decode(CertificateFactory factory, String base64, String source, int number)
            throws TrustAnchorException {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw new TrustAnchorException("certificate #" + number + " in " + source + " is not a valid X.509 certificate: "
                    + e.getMessage(), e);
        }
    }

    private static CertificateFactory x509Factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK offers no X.509 certificate factory", e);
        }
    }
}

package dev.cfoc.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A certificate as a PEM file, as {@code --trust-anchors} and TRUST_ANCHORS read it. */
public final class Pem {

    private Pem() {
    }

    /** Writes {@code certificate} to {@code file} as one PEM block and returns the file. */
    public static Path write(Path file, X509Certificate certificate) throws IOException {
        return Files.writeString(file, of(certificate));
    }

    /** One {@code BEGIN/END CERTIFICATE} block, its Base64 in lines of 64 characters. */
    public static String of(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
        }
    }
}

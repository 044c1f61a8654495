package dev.cfoc.sample;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throw-away PKI (root → intermediate → leaves) generated in memory, for the demo origins and the tests.
 * Nothing here is trusted by CloudFront: reports label its root as an added trust anchor.
 */
public final class SamplePki {

    /** Key algorithm of a generated certificate. */
    public enum KeyType { EC_P256, RSA_2048 }

    /** A certificate with its private key and the chain an origin would send (leaf first). */
    public record Issued(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }
    }

    /** What to put in a leaf certificate. */
    public record LeafSpec(List<String> dnsNames, String commonName, Instant notBefore, Instant notAfter, KeyType keyType) {
        public LeafSpec {
            dnsNames = List.copyOf(dnsNames);
        }

        /** Valid from yesterday for a year, EC P-256, CN = first name, SANs = the names. */
        public static LeafSpec forNames(String... names) {
            Instant now = Instant.now();
            return new LeafSpec(List.of(names), names[0], now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                    KeyType.EC_P256);
        }

        public LeafSpec validity(Instant from, Instant until) {
            return new LeafSpec(dnsNames, commonName, from, until, keyType);
        }

        public LeafSpec keyType(KeyType type) {
            return new LeafSpec(dnsNames, commonName, notBefore, notAfter, type);
        }

        /** CN only, no subjectAltName extension. */
        public LeafSpec commonNameOnly() {
            return new LeafSpec(List.of(), commonName, notBefore, notAfter, keyType);
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /**
     * The CA/Browser Forum's reserved policy for domain-validated certificates (Baseline Requirements 7.1.6.4): every
     * TLS certificate a public CA issues carries such a policy. Leaves of a PKI created as public carry it.
     */
    public static final String CABF_DOMAIN_VALIDATED = "2.23.140.1.2.1";

    private final Issued root;
    private final Issued intermediate;
    private final boolean publicProfile;

    private SamplePki(Issued root, Issued intermediate, boolean publicProfile) {
        this.root = root;
        this.intermediate = intermediate;
        this.publicProfile = publicProfile;
    }

    /**
     * A root and one intermediate, valid from yesterday for ten years, issuing leaves as a public CA does (with the
     * CA/Browser Forum's domain-validated policy): it stands for a CA of Mozilla's list.
     */
    public static SamplePki create(String name) {
        Instant now = Instant.now();
        return create(name, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
    }

    /** As {@link #create(String)}, issuing leaves as a private CA does: no CA/Browser Forum policy, no CT. */
    public static SamplePki createPrivate(String name) {
        SamplePki pki = create(name);
        return new SamplePki(pki.root, pki.intermediate, false);
    }

    /** A root and one intermediate whose validity is the given window (an expired intermediate, say). */
    public static SamplePki create(String name, Instant intermediateNotBefore, Instant intermediateNotAfter) {
        Instant now = Instant.now();
        KeyPair rootKeys = generate(KeyType.EC_P256);
        X500Name rootName = new X500Name("O=cloudfront-origin-checker sample PKI,CN=" + name + " Root CA");
        X509Certificate rootCert = build(rootName, rootKeys, rootName, rootKeys.getPrivate(), rootKeys,
                now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(7300)), true, List.of());
        Issued root = new Issued(rootCert, rootKeys.getPrivate(), List.of(rootCert));

        KeyPair interKeys = generate(KeyType.EC_P256);
        X500Name interName = new X500Name("O=cloudfront-origin-checker sample PKI,CN=" + name + " Intermediate CA");
        X509Certificate interCert = build(interName, interKeys, rootName, rootKeys.getPrivate(), rootKeys,
                intermediateNotBefore, intermediateNotAfter, true, List.of());
        Issued intermediate = new Issued(interCert, interKeys.getPrivate(), List.of(interCert, rootCert));
        return new SamplePki(root, intermediate, true);
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public X509Certificate intermediateCertificate() {
        return intermediate.certificate();
    }

    /** A leaf issued by the intermediate; its chain is [leaf, intermediate]. */
    public Issued issueLeaf(LeafSpec spec) {
        return issueLeaf(spec, Optional.empty());
    }

    /**
     * As {@link #issueLeaf}, with an Authority Information Access extension whose caIssuers URL says where the
     * intermediate's certificate is published (as public CAs do).
     */
    public Issued issueLeaf(LeafSpec spec, String caIssuersUrl) {
        return issueLeaf(spec, Optional.of(caIssuersUrl));
    }

    private Issued issueLeaf(LeafSpec spec, Optional<String> caIssuersUrl) {
        KeyPair keys = generate(spec.keyType());
        X509Certificate cert = build(new X500Name("CN=" + spec.commonName()), keys,
                X500Name.getInstance(intermediate.certificate().getSubjectX500Principal().getEncoded()),
                intermediate.privateKey(), keyPairOf(intermediate), spec.notBefore(), spec.notAfter(), false,
                spec.dnsNames(), caIssuersUrl, publicProfile);
        return new Issued(cert, keys.getPrivate(), List.of(cert, intermediate.certificate()));
    }

    /** A self-signed leaf (issuer = subject, not a CA); its chain is [leaf]. */
    public static Issued selfSigned(LeafSpec spec) {
        KeyPair keys = generate(spec.keyType());
        X500Name name = new X500Name("CN=" + spec.commonName());
        X509Certificate cert = build(name, keys, name, keys.getPrivate(), keys, spec.notBefore(), spec.notAfter(), false,
                spec.dnsNames());
        return new Issued(cert, keys.getPrivate(), List.of(cert));
    }

    private static KeyPair keyPairOf(Issued issued) {
        return new KeyPair(issued.certificate().getPublicKey(), issued.privateKey());
    }

    private static KeyPair generate(KeyType type) {
        try {
            if (type == KeyType.RSA_2048) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + type + " key", e);
        }
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                         KeyPair issuerKeys, Instant notBefore, Instant notAfter, boolean ca,
                                         List<String> dnsNames) {
        return build(subject, subjectKeys, issuer, issuerKey, issuerKeys, notBefore, notAfter, ca, dnsNames,
                Optional.empty(), false);
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
                                         KeyPair issuerKeys, Instant notBefore, Instant notAfter, boolean ca,
                                         List<String> dnsNames, Optional<String> caIssuersUrl, boolean publicPolicy) {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (!dnsNames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            if (publicPolicy) {
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                        new PolicyInformation(new ASN1ObjectIdentifier(CABF_DOMAIN_VALIDATED))));
            }
            if (caIssuersUrl.isPresent()) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl.get())));
            }
            String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot build certificate " + subject, e);
        }
    }
}

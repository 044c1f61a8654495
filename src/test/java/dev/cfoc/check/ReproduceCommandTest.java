package dev.cfoc.check;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReproduceCommandTest {

    private static final String SECRET = "hunter2-origin-verify";

    @Test
    void tlsFinding_isAnOpenSslCommandWithCloudFrontsSniVersionsAndSuites() {
        String command = ReproduceCommand.forProblem(target(Scheme.HTTPS, List.of(TlsVersion.TLSV1_2)),
                FindingCode.CERT_NAME_MISMATCH);

        assertThat(command).startsWith("openssl s_client -connect origin.example.com:443 -servername www.example.com")
                .contains("-no_tls1_3 -no_tls1_1 -no_tls1 ")
                .contains("ECDHE-RSA-AES128-GCM-SHA256").doesNotContain("CHACHA20")
                .contains("-CAfile /etc/ssl/certs/ca-certificates.crt").endsWith("</dev/null");
    }

    @Test
    void deprecatedVersionsOffered_lowerOpenSslsSecurityLevel() {
        String command = ReproduceCommand.forProblem(
                target(Scheme.HTTPS, List.of(TlsVersion.TLSV1, TlsVersion.TLSV1_2)), FindingCode.TLS_HANDSHAKE_FAILED);
        assertThat(command).contains("-no_tls1_1 ").doesNotContain("-no_tls1 ").contains(":@SECLEVEL=0");
    }

    @Test
    void httpFinding_isCurlConnectingToTheOriginWithTheViewerHost_withoutHeaderValues() {
        String command = ReproduceCommand.forProblem(target(Scheme.HTTPS, List.of(TlsVersion.TLSV1_2)),
                FindingCode.HTTP_5XX);

        assertThat(command).startsWith("curl -sv -o /dev/null --max-time 30")
                .contains("--connect-to www.example.com:443:origin.example.com:443")
                .contains("'X-Origin-Verify: <value of this origin custom header>'")
                .endsWith("https://www.example.com:443/app/")
                .doesNotContain(SECRET);
    }

    @Test
    void dnsAndTcpFindings_useDigAndNc() {
        ProbeTarget target = target(Scheme.HTTP, List.of());
        assertThat(ReproduceCommand.forProblem(target, FindingCode.DNS_UNRESOLVABLE))
                .isEqualTo("dig +short origin.example.com A; dig +short origin.example.com AAAA");
        assertThat(ReproduceCommand.forProblem(target, FindingCode.CONNECT_TIMEOUT))
                .isEqualTo("nc -vz -w 10 origin.example.com 443");
    }

    @Test
    void shellMetacharacters_areQuoted() {
        assertThat(ReproduceCommand.quote("a b'c")).isEqualTo("'a b'\\''c'");
        assertThat(ReproduceCommand.quote("plain.example.com:443")).isEqualTo("plain.example.com:443");
    }

    private static ProbeTarget target(Scheme scheme, List<TlsVersion> versions) {
        return new ProbeTarget("web", scheme, "origin.example.com", 443,
                scheme == Scheme.HTTPS ? Optional.of("www.example.com") : Optional.empty(), "www.example.com",
                Set.of("www.example.com", "origin.example.com"), versions, Duration.ofSeconds(10), 3,
                Duration.ofSeconds(30), "/app/", List.of(new CustomHeader("X-Origin-Verify", Secret.of(SECRET))),
                List.of("/app/*"));
    }
}

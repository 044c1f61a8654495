package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    private static final List<CustomHeader> HEADERS = List.of(
            new CustomHeader("X-Origin-Verify", Secret.of("s3cret-value")), new CustomHeader("X-Flag", Secret.of("1")));

    @Test
    void headerValueReflectedInMessageOrEvidence_isReplaced() {
        Problem reflected = new Problem(FindingCode.HTTP_5XX, "the origin answered 'HTTP/1.1 500 s3cret-value'",
                Map.of("statusLine", "HTTP/1.1 500 s3cret-value"));

        Problem redacted = Redaction.redact(reflected, HEADERS);

        assertThat(redacted.message()).isEqualTo("the origin answered 'HTTP/1.1 500 <redacted>'");
        assertThat(redacted.evidence()).containsEntry("statusLine", "HTTP/1.1 500 <redacted>");
    }

    @Test
    void valuesShorterThanTheMinimum_areLeftAlone_soEvidenceStaysReadable() {
        Problem problem = Problem.of(FindingCode.TLS_DEPRECATED_PROTOCOL, "the origin negotiated TLSv1.1");

        assertThat(Redaction.redact(problem, HEADERS)).isEqualTo(problem);
    }

    @Test
    void receivedBytes_areRedactedBeforeTheyAreShortenedForAMessage() {
        byte[] received = ("x".repeat(50) + " s3cret-value\r\n").getBytes(StandardCharsets.ISO_8859_1);

        String shown = PeerBytes.printable(Redaction.redact(received, HEADERS));

        assertThat(shown).doesNotContain("s3cr").contains("<redac");
    }
}

package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.config.Secret;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    private static final Redaction RUN = Redaction.none().with(List.of(
            new CustomHeader("X-Origin-Verify", Secret.of("s3cret-value")),
            new CustomHeader("X-Short", Secret.of("OVERLAP1")),
            new CustomHeader("X-Long", Secret.of("OVERLAP1-TAIL-SECRET-55")),
            new CustomHeader("X-Padded", Secret.of("  padded-Value-77  ")),
            new CustomHeader("X-Blank", Secret.of("   "))));

    @Test
    void headerValueReflectedInMessageOrEvidence_isReplaced() {
        Problem reflected = new Problem(FindingCode.HTTP_5XX, "the origin answered 'HTTP/1.1 500 s3cret-value'",
                Map.of("statusLine", "HTTP/1.1 500 s3cret-value"));

        Problem redacted = RUN.redact(reflected);

        assertThat(redacted.message()).isEqualTo("the origin answered 'HTTP/1.1 500 <redacted>'");
        assertThat(redacted.evidence()).containsEntry("statusLine", "HTTP/1.1 500 <redacted>");
    }

    @Test
    void overlappingValues_areRedactedWhole_whicheverIsListedFirst() {
        assertThat(RUN.redact("a OVERLAP1-TAIL-SECRET-55 b OVERLAP1 c")).isEqualTo("a <redacted> b <redacted> c");
    }

    @Test
    void trimmedEcho_upperCase_percentAndBase64Encodings_areRedacted() {
        String base64InLongerText = Base64.getEncoder().encodeToString(
                ("Basic user:" + "s3cret-value").getBytes(StandardCharsets.UTF_8));

        assertThat(RUN.redact("echo [padded-Value-77]")).isEqualTo("echo [<redacted>]");
        assertThat(RUN.redact("S3CRET-VALUE")).isEqualTo("<redacted>");
        assertThat(RUN.redact("q=" + URLEncoder.encode("  padded-Value-77  ", StandardCharsets.UTF_8)))
                .doesNotContain("padded");
        assertThat(RUN.redact(base64InLongerText)).contains("<redacted>")
                .doesNotContain(base64InLongerText.substring(base64InLongerText.length() - 12));
    }

    @Test
    void aRunWithAValueTooShortToRedact_withholdsWhatOriginsSend() {
        Redaction withShort = RUN.with(List.of(new CustomHeader("X-Flag", Secret.of("on1"))));
        byte[] received = "HTTP/1.1 500 on1\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(RUN.withholdsOriginText()).isFalse();
        assertThat(withShort.withholdsOriginText()).isTrue();
        assertThat(withShort.originText(received)).isEqualTo(Redaction.WITHHELD);
    }

    @Test
    void valuesTheRunAlreadyHas_leaveTheSameRedaction_andNewOnesMakeAnotherThatAlsoRedactsThem() {
        Redaction same = RUN.with(List.of(new CustomHeader("X-Other-Name", Secret.of("s3cret-value"))));
        Redaction more = RUN.with(List.of(new CustomHeader("X-Origin-Verify", Secret.of("s3cret-value")),
                new CustomHeader("X-New", Secret.of("brand-new-value"))));

        assertThat(same).isSameAs(RUN);
        assertThat(RUN.with(List.of())).isSameAs(RUN);
        assertThat(more).isNotSameAs(RUN);
        assertThat(more.redact("a s3cret-value and a brand-new-value")).isEqualTo("a " + Secret.REDACTED + " and a "
                + Secret.REDACTED);
        assertThat(RUN.redact("brand-new-value")).isEqualTo("brand-new-value");
    }

    @Test
    void textWithoutValues_isLeftAsItIs() {
        Problem problem = Problem.of(FindingCode.TLS_DEPRECATED_PROTOCOL, "the origin negotiated TLSv1.1");

        assertThat(RUN.redact(problem)).isEqualTo(problem);
        assertThat(Redaction.none().redact("s3cret-value")).isEqualTo("s3cret-value");
    }

    @Test
    void receivedBytes_areRedactedBeforeTheyAreShortenedForAMessage() {
        byte[] received = ("x".repeat(50) + " s3cret-value\r\n").getBytes(StandardCharsets.ISO_8859_1);

        String shown = RUN.originText(received);

        assertThat(shown).doesNotContain("s3cr").contains("<redac");
    }

    @Test
    void exceptionWhoseMessageHoldsAValue_isReplacedByOneThatDoesNot() {
        RuntimeException thrown = new IllegalArgumentException("bad", new RuntimeException("saw s3cret-value"));
        RuntimeException harmless = new IllegalArgumentException("nothing secret");

        RuntimeException shown = RUN.redact(thrown);

        assertThat(shown.getMessage()).contains("IllegalArgumentException: bad", "<redacted>")
                .doesNotContain("s3cret");
        assertThat(shown.getCause()).isNull();
        assertThat(RUN.redact(harmless)).isSameAs(harmless);
    }
}

package dev.cfoc.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfoc.finding.Severity;
import dev.cfoc.state.Transition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SnsMessagesTest {

    private static DistributionAlert alert(Severity worst, int origins, String json, String... codes) {
        return new DistributionAlert("E1A2B3", worst, origins, List.of(codes), "human text", json);
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void smallAlert_isOneMessage_withoutPartMarkers() {
        List<SnsMessage> messages = SnsMessages.of(alert(Severity.ERROR, 1, "[]", "CERT_EXPIRED"));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.part()).isEqualTo(1);
            assertThat(m.parts()).isEqualTo(1);
            assertThat(m.subject()).isEqualTo("[ERROR] E1A2B3: 1 origin failing (CERT_EXPIRED)");
            assertThat(m.body()).isEqualTo("human text\n\n[]");
        });
    }

    @Test
    void subject_saysWhatKindOfProblem_bySeverity() {
        assertThat(SnsMessages.subject(alert(Severity.WARNING, 3, "[]", "CERT_EXPIRING_SOON", "HTTP_5XX")))
                .isEqualTo("[WARNING] E1A2B3: 3 origins with warnings (CERT_EXPIRING_SOON, HTTP_5XX)");
        assertThat(SnsMessages.subject(alert(Severity.INFO, 1, "[]", "POLICY_UNRESOLVED")))
                .isEqualTo("[INFO] E1A2B3: 1 origin with notes (POLICY_UNRESOLVED)");
    }

    @Test
    void subject_ofAFindingAboutTheDistributionItself_namesTheCodeOnly() {
        assertThat(SnsMessages.subject(alert(Severity.WARNING, 0, "[]", "SOURCE_UNAVAILABLE")))
                .isEqualTo("[WARNING] E1A2B3: SOURCE_UNAVAILABLE");
    }

    private static DistributionAlert named(Transition transition, Severity worst, int origins, String... codes) {
        return new DistributionAlert("E2QWRUHAPOMQZL", worst, origins, List.of(codes), "human text", "[]",
                java.util.Optional.of("shop.example.com"), java.util.Optional.of(transition));
    }

    @Test
    void subject_withAlertState_namesTheDistribution_andEveryTransitionButNew() {
        assertThat(SnsMessages.subject(named(Transition.NEW, Severity.ERROR, 1, "CERT_EXPIRED")))
                .isEqualTo("[ERROR] shop.example.com (E2QWRUHAPOMQZL): 1 origin failing (CERT_EXPIRED)");
        assertThat(SnsMessages.subject(named(Transition.CHANGED, Severity.ERROR, 2, "CERT_EXPIRED", "HTTP_5XX")))
                .isEqualTo("[CHANGED] [ERROR] shop.example.com (E2QWRUHAPOMQZL): 2 origins failing (CERT_EXPIRED, "
                        + "HTTP_5XX)");
        assertThat(SnsMessages.subject(named(Transition.REMINDER, Severity.WARNING, 1, "CERT_EXPIRING_SOON")))
                .startsWith("[REMINDER] [WARNING] shop.example.com (E2QWRUHAPOMQZL): 1 origin with warnings");
        assertThat(SnsMessages.subject(named(Transition.RESOLVED, Severity.ERROR, 2, "CERT_EXPIRED")))
                .isEqualTo("[RESOLVED] shop.example.com (E2QWRUHAPOMQZL): 2 origins OK again");
    }

    @Test
    void transition_isAMessageAttribute_onlyWithAlertState() {
        assertThat(SnsMessages.attributes(named(Transition.RESOLVED, Severity.ERROR, 1, "CERT_EXPIRED")))
                .containsEntry("transition", "RESOLVED").containsEntry("severity", "ERROR")
                .containsEntry("codes", "[\"CERT_EXPIRED\"]");
        assertThat(SnsMessages.attributes(alert(Severity.ERROR, 1, "[]", "CERT_EXPIRED"))).doesNotContainKey("transition");
    }

    @Test
    void aLongName_isCut_soTheIdAndTheCodesStillFit() {
        var alert = new DistributionAlert("E2QWRUHAPOMQZL", Severity.ERROR, 1, List.of("CERT_EXPIRED"), "t", "[]",
                java.util.Optional.of("a-very-long-alias-name-for-a-shop.eu-central.example.com"),
                java.util.Optional.of(Transition.CHANGED));

        assertThat(SnsMessages.subject(alert)).hasSizeLessThan(100).contains("(E2QWRUHAPOMQZL)")
                .endsWith("(CERT_EXPIRED)");
    }

    @Test
    void messageThatJustFits_isNotSplit_andOneByteMoreIs() {
        var probe = alert(Severity.ERROR, 1, "", "CERT_EXPIRED");
        int fixed = SnsMessages.of(probe).getFirst().sizeInBytes();
        String fits = "x".repeat(SnsMessages.BUDGET_BYTES - fixed);

        assertThat(SnsMessages.of(alert(Severity.ERROR, 1, fits, "CERT_EXPIRED"))).hasSize(1)
                .allSatisfy(m -> assertThat(m.sizeInBytes()).isEqualTo(SnsMessages.BUDGET_BYTES));
        assertThat(SnsMessages.of(alert(Severity.ERROR, 1, fits + "x", "CERT_EXPIRED"))).hasSize(2)
                .allSatisfy(m -> assertThat(m.sizeInBytes()).isLessThanOrEqualTo(SnsMessages.BUDGET_BYTES));
    }

    @Test
    void chunks_neverCutACharacterInHalf_andRespectTheByteBudget() {
        String text = "🔒é".repeat(1_000);

        List<String> chunks = SnsMessages.chunks(text, 7);

        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(utf8(c)).isLessThanOrEqualTo(7);
            assertThat(Character.isLowSurrogate(c.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse();
        });
    }

    @Test
    void chunks_preferToEndAtALineBreak() {
        List<String> chunks = SnsMessages.chunks("line one\nline two\nline three", 22);

        assertThat(chunks).containsExactly("line one\nline two\n", "line three");
    }

    @Test
    void aHugeReport_isCutAtTheMaximumNumberOfParts_andTheLastPartSaysSo() {
        String json = "0123456789".repeat(700_000);

        List<SnsMessage> messages = SnsMessages.of(alert(Severity.ERROR, 1, json, "HTTP_5XX"));

        assertThat(messages).hasSize(SnsMessages.MAX_PARTS)
                .allSatisfy(m -> assertThat(m.sizeInBytes()).isLessThanOrEqualTo(SnsMessages.BUDGET_BYTES));
        assertThat(messages.getLast().body()).containsPattern("\\[truncated: \\d+ more bytes were not published; "
                + "the function's log has the full report]$");
        assertThat(messages.getLast().subject()).endsWith("(part 20/20)");
    }

    @Test
    void aReportNeedingExactlyTheMaximumNumberOfParts_isSentWhole_andOneByteMoreIsCut() {
        var probe = alert(Severity.ERROR, 1, "", "HTTP_5XX");
        String heading = "(part " + SnsMessages.MAX_PARTS + "/" + SnsMessages.MAX_PARTS + ")\n\n";
        int perPart = SnsMessages.BUDGET_BYTES - SnsMessages.MAX_SUBJECT_CHARS - utf8(heading)
                - SnsMessage.attributesSizeInBytes(SnsMessages.attributes(probe));
        String json = "x".repeat(SnsMessages.MAX_PARTS * perPart - utf8(probe.humanText() + "\n\n"));

        List<SnsMessage> whole = SnsMessages.of(alert(Severity.ERROR, 1, json, "HTTP_5XX"));
        List<SnsMessage> cut = SnsMessages.of(alert(Severity.ERROR, 1, json + "x", "HTTP_5XX"));

        assertThat(whole).hasSize(SnsMessages.MAX_PARTS)
                .allSatisfy(m -> assertThat(m.sizeInBytes()).isLessThanOrEqualTo(SnsMessages.BUDGET_BYTES));
        assertThat(whole.stream().map(m -> m.body().substring(("(part " + m.part() + "/" + m.parts() + ")\n\n")
                .length())).reduce("", String::concat)).isEqualTo(probe.humanText() + "\n\n" + json);
        assertThat(cut).hasSize(SnsMessages.MAX_PARTS);
        assertThat(cut.getLast().body()).contains("[truncated: ");
    }

    @Test
    void truncationNote_countsExactlyTheBytesThatWereLeftOut() {
        String json = "0123456789\n".repeat(70_000) + "é".repeat(3_000_000);
        String body = "human text\n\n" + json;

        List<SnsMessage> messages = SnsMessages.of(alert(Severity.ERROR, 1, json, "HTTP_5XX"));

        Matcher note = Pattern.compile("\n\n\\[truncated: (\\d+) more bytes were not published; the function's log "
                + "has the full report]$").matcher(messages.getLast().body());
        assertThat(note.find()).isTrue();
        String published = messages.stream().map(m -> m.body().substring(("(part " + m.part() + "/" + m.parts()
                + ")\n\n").length())).reduce("", String::concat);
        published = published.substring(0, published.length() - note.group().length());
        assertThat(body).startsWith(published);
        assertThat(Long.parseLong(note.group(1))).isEqualTo(utf8(body) - utf8(published));
    }

    @Test
    void alert_withoutCodes_isRefused_namingTheField() {
        assertThatThrownBy(() -> new DistributionAlert("E1", Severity.ERROR, 1, List.of(), "t", "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codes");
    }

    @Test
    void alert_withBlankDistributionId_isRefused_namingTheField() {
        assertThatThrownBy(() -> new DistributionAlert(" ", Severity.ERROR, 1, List.of("HTTP_5XX"), "t", "[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distributionId");
    }
}

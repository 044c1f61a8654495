package dev.cfoc.lambda;

import dev.cfoc.finding.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaSettingsTest {

    @Test
    void emptyEnvironment_givesTheDefaults() {
        assertThat(LambdaSettings.fromEnvironment(Map.of())).isEqualTo(LambdaSettings.defaults());
        assertThat(LambdaSettings.defaults().minSeverity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void blankValues_countAsUnset_asCloudFormationPassesEmptyParameters() {
        assertThat(LambdaSettings.fromEnvironment(Map.of("TOPIC_ARN", "", "DISTRIBUTION_IDS", " ", "TRUST_ANCHORS", "",
                "MIN_SEVERITY", ""))).isEqualTo(LambdaSettings.defaults());
    }

    @Test
    void everyVariable_isRead() {
        LambdaSettings settings = LambdaSettings.fromEnvironment(Map.of(
                "TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:findings",
                "MIN_SEVERITY", "error",
                "DISTRIBUTION_IDS", "E2QWRUHAPOMQZL, E3OTHERDIST99",
                "TRUST_ANCHORS", "/opt/roots.pem",
                "INCLUDE_DISABLED", "true",
                "EXPIRY_WARNING_DAYS", "14",
                "ALLOW_PRIVATE_ORIGINS", "true"));

        assertThat(settings.topicArn()).hasValueSatisfying(t -> assertThat(t.region().id()).isEqualTo("eu-west-1"));
        assertThat(settings.minSeverity()).isEqualTo(Severity.ERROR);
        assertThat(settings.distributionIds()).containsExactly("E2QWRUHAPOMQZL", "E3OTHERDIST99");
        assertThat(settings.trustAnchors()).contains(Path.of("/opt/roots.pem"));
        assertThat(settings.includeDisabled()).isTrue();
        assertThat(settings.expiryWarning()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.allowPrivateOrigins()).isTrue();
    }

    @Test
    void privateOrigins_areNotProbedUnlessTheVariableSaysTrue() {
        assertThat(LambdaSettings.defaults().allowPrivateOrigins()).isFalse();
        assertThat(LambdaSettings.fromEnvironment(Map.of("ALLOW_PRIVATE_ORIGINS", "false")).allowPrivateOrigins())
                .isFalse();
        assertThat(LambdaSettings.fromEnvironment(Map.of("ALLOW_PRIVATE_ORIGINS", "TRUE")).allowPrivateOrigins())
                .isTrue();
    }

    @Test
    void badValues_nameTheVariable() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("MIN_SEVERITY", "LOUD")))
                .hasMessageStartingWith("MIN_SEVERITY");
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("DISTRIBUTION_IDS", "E2QWRUHAPOMQZL,d111.cloudfront.net")))
                .hasMessageStartingWith("DISTRIBUTION_IDS").hasMessageContaining("d111.cloudfront.net");
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("TOPIC_ARN", "findings")))
                .hasMessageStartingWith("TOPIC_ARN");
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("INCLUDE_DISABLED", "yes")))
                .hasMessageStartingWith("INCLUDE_DISABLED");
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("ALLOW_PRIVATE_ORIGINS", "1")))
                .hasMessage("ALLOW_PRIVATE_ORIGINS must be true or false, got '1'");
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("EXPIRY_WARNING_DAYS", "-1")))
                .hasMessageStartingWith("EXPIRY_WARNING_DAYS");
    }

    @Test
    void fanOut_isOnWhenTheQueueUrlIsSet_withItsBatchSize() {
        assertThat(LambdaSettings.fromEnvironment(Map.of()).fanOut()).isEmpty();
        assertThat(LambdaSettings.fromEnvironment(Map.of("FANOUT_QUEUE_URL", "", "FANOUT_BATCH_SIZE", "5")).fanOut())
                .as("blank, as CloudFormation passes it when the switch is off").isEmpty();

        var on = LambdaSettings.fromEnvironment(Map.of("FANOUT_QUEUE_URL",
                "https://sqs.us-east-1.amazonaws.com/123456789012/cfoc-CheckQueue-1A2B", "FANOUT_BATCH_SIZE", "5"));

        assertThat(on.fanOut()).hasValueSatisfying(f -> {
            assertThat(f.queueUrl().value()).isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/cfoc-CheckQueue-1A2B");
            assertThat(f.batchSize()).isEqualTo(5);
        });
        assertThat(LambdaSettings.fromEnvironment(Map.of("FANOUT_QUEUE_URL",
                "https://sqs.us-east-1.amazonaws.com/123456789012/q")).fanOut().orElseThrow().batchSize()).isEqualTo(1);
    }

    @Test
    void badFanOutValues_nameTheVariable() {
        assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("FANOUT_QUEUE_URL", "checks")))
                .hasMessageStartingWith("FANOUT_QUEUE_URL");
        for (String size : new String[] {"0", "21", "one"}) {
            assertThatThrownBy(() -> LambdaSettings.fromEnvironment(Map.of("FANOUT_QUEUE_URL",
                    "https://sqs.us-east-1.amazonaws.com/123456789012/q", "FANOUT_BATCH_SIZE", size)))
                    .hasMessageStartingWith("FANOUT_BATCH_SIZE must be a whole number from 1 to 20");
        }
    }

    @Test
    void unreadableTrustAnchors_failTheServiceAtStart_namingTheVariable() {
        var settings = LambdaSettings.defaults().withTrustAnchors(Path.of("/nonexistent/roots.pem"));

        assertThatThrownBy(() -> new CheckService(settings, AwsClientProvider.shared(),
                dev.cfoc.probe.HostResolver.system(), java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TRUST_ANCHORS: ");
    }
}

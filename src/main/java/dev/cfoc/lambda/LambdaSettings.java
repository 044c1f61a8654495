package dev.cfoc.lambda;

import dev.cfoc.aws.QueueUrl;
import dev.cfoc.aws.TopicArn;
import dev.cfoc.cert.CertificateRules;
import dev.cfoc.config.DistributionId;
import dev.cfoc.finding.Severity;
import dev.cfoc.suppression.SuppressionException;
import dev.cfoc.suppression.SuppressionReader;
import dev.cfoc.suppression.Suppressions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The function's settings, read once from its environment variables ({@link #fromEnvironment(Map)}) in production
 * and built directly in tests. A blank variable counts as unset (CloudFormation passes "" for an empty parameter).
 *
 * @param topicArn         where findings are published; none: the report is only returned and logged
 * @param minSeverity      publish when the run has findings at or above this (default WARNING)
 * @param distributionIds  what a scheduled run checks; empty: every distribution of the account
 * @param trustAnchors     a PEM file of roots to add (private PKI, staging): NOT what CloudFront trusts
 * @param includeDisabled  check disabled distributions too (they serve no traffic, so by default they are skipped)
 * @param expiryWarning    CERT_EXPIRING_SOON threshold
 * @param suppressions     acknowledged findings (SUPPRESSIONS, inline JSON): reported, not published, not counted
 * @param fanOut           FANOUT_QUEUE_URL (and FANOUT_BATCH_SIZE): queue the distributions of a scheduled run
 *                         instead of checking them; empty: every run checks what it selected
 * @param alertState       STATE_TABLE (and REMIND_AFTER): publish transitions only; empty: publish every run
 * @param allowPrivateOrigins ALLOW_PRIVATE_ORIGINS=true (labs and tests only): also probe origins whose names resolve
 *                         to loopback, link-local or private addresses, which CloudFront cannot reach
 */
public record LambdaSettings(Optional<TopicArn> topicArn, Severity minSeverity, List<String> distributionIds,
                             Optional<Path> trustAnchors, boolean includeDisabled, Duration expiryWarning,
                             Suppressions suppressions, Optional<FanOutSettings> fanOut,
                             Optional<AlertStateSettings> alertState, boolean allowPrivateOrigins) {

    public static final String TOPIC_ARN = "TOPIC_ARN";
    public static final String MIN_SEVERITY = "MIN_SEVERITY";
    public static final String DISTRIBUTION_IDS = "DISTRIBUTION_IDS";
    public static final String TRUST_ANCHORS = "TRUST_ANCHORS";
    public static final String INCLUDE_DISABLED = "INCLUDE_DISABLED";
    public static final String EXPIRY_WARNING_DAYS = "EXPIRY_WARNING_DAYS";
    public static final String SUPPRESSIONS = "SUPPRESSIONS";
    public static final String ALLOW_PRIVATE_ORIGINS = "ALLOW_PRIVATE_ORIGINS";

    public static final Severity DEFAULT_MIN_SEVERITY = Severity.WARNING;

    public LambdaSettings {
        distributionIds = List.copyOf(distributionIds);
    }

    /** No topic, WARNING, every distribution, Mozilla's roots only, enabled distributions, 30 days, public origins. */
    public static LambdaSettings defaults() {
        return new LambdaSettings(Optional.empty(), DEFAULT_MIN_SEVERITY, List.of(), Optional.empty(), false,
                Duration.ofDays(CertificateRules.DEFAULT_EXPIRY_WARNING_DAYS), Suppressions.none(), Optional.empty(),
                Optional.empty(), false);
    }

    /**
     * @throws IllegalArgumentException naming the variable and what it must look like
     */
    public static LambdaSettings fromEnvironment(Map<String, String> env) {
        Optional<TopicArn> topic = value(env, TOPIC_ARN).map(TopicArn::parse);
        Severity minSeverity = value(env, MIN_SEVERITY).map(LambdaSettings::severity).orElse(DEFAULT_MIN_SEVERITY);
        List<String> ids = value(env, DISTRIBUTION_IDS).map(LambdaSettings::distributionIds).orElse(List.of());
        Optional<Path> anchors = value(env, TRUST_ANCHORS).map(Path::of);
        boolean includeDisabled = value(env, INCLUDE_DISABLED).map(v -> bool(INCLUDE_DISABLED, v)).orElse(false);
        Duration expiry = Duration.ofDays(value(env, EXPIRY_WARNING_DAYS).map(LambdaSettings::days)
                .orElse(CertificateRules.DEFAULT_EXPIRY_WARNING_DAYS));
        Suppressions suppressions = value(env, SUPPRESSIONS).map(LambdaSettings::suppressions)
                .orElse(Suppressions.none());
        int batchSize = value(env, FanOutSettings.FANOUT_BATCH_SIZE).map(FanOutSettings::requireBatchSize)
                .orElse(FanOutSettings.DEFAULT_BATCH_SIZE);
        Optional<FanOutSettings> fanOut = value(env, FanOutSettings.FANOUT_QUEUE_URL)
                .map(url -> new FanOutSettings(queueUrl(url), batchSize));
        Duration remindAfter = value(env, AlertStateSettings.REMIND_AFTER).map(AlertStateSettings::remindAfter)
                .orElse(AlertStateSettings.defaultRemindAfter());
        Optional<AlertStateSettings> alertState = value(env, AlertStateSettings.STATE_TABLE)
                .map(table -> new AlertStateSettings(table, remindAfter));
        boolean allowPrivate = value(env, ALLOW_PRIVATE_ORIGINS).map(v -> bool(ALLOW_PRIVATE_ORIGINS, v)).orElse(false);
        return new LambdaSettings(topic, minSeverity, ids, anchors, includeDisabled, expiry, suppressions, fanOut,
                alertState, allowPrivate);
    }

    public LambdaSettings withFanOut(FanOutSettings settings) {
        return new LambdaSettings(topicArn, minSeverity, distributionIds, trustAnchors, includeDisabled,
                expiryWarning, suppressions, Optional.of(settings), alertState, allowPrivateOrigins);
    }

    public LambdaSettings withTopicArn(TopicArn topic) {
        return new LambdaSettings(Optional.of(topic), minSeverity, distributionIds, trustAnchors, includeDisabled,
                expiryWarning, suppressions, fanOut, alertState, allowPrivateOrigins);
    }

    public LambdaSettings withTrustAnchors(Path pem) {
        return new LambdaSettings(topicArn, minSeverity, distributionIds, Optional.of(pem), includeDisabled,
                expiryWarning, suppressions, fanOut, alertState, allowPrivateOrigins);
    }

    public LambdaSettings withAlertState(AlertStateSettings settings) {
        return new LambdaSettings(topicArn, minSeverity, distributionIds, trustAnchors, includeDisabled,
                expiryWarning, suppressions, fanOut, Optional.of(settings), allowPrivateOrigins);
    }

    /** ALLOW_PRIVATE_ORIGINS: labs and tests whose origins listen on loopback or a private network. */
    public LambdaSettings withAllowPrivateOrigins(boolean allow) {
        return new LambdaSettings(topicArn, minSeverity, distributionIds, trustAnchors, includeDisabled,
                expiryWarning, suppressions, fanOut, alertState, allow);
    }

    private static QueueUrl queueUrl(String value) {
        try {
            return QueueUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FanOutSettings.FANOUT_QUEUE_URL + " is " + e.getMessage(), e);
        }
    }

    private static Suppressions suppressions(String json) {
        try {
            return new Suppressions(new SuppressionReader().read(json, SUPPRESSIONS));
        } catch (SuppressionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Severity severity(String value) {
        try {
            return Severity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(MIN_SEVERITY + " must be one of " + Arrays.toString(Severity.values())
                    + ", got '" + value + "'");
        }
    }

    private static List<String> distributionIds(String value) {
        List<String> ids = Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
        for (String id : ids) {
            if (!DistributionId.isValid(id)) {
                throw new IllegalArgumentException(DISTRIBUTION_IDS + " must be comma-separated distribution ids "
                        + "(like E2QWRUHAPOMQZL); '" + id + "' is not one");
            }
        }
        return ids;
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value);
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(EXPIRY_WARNING_DAYS + " must be a whole number of days, 0 or more, got '"
                + value + "'");
    }
}

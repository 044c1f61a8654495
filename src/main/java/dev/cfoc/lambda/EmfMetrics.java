package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.report.Report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics of a run in the Embedded Metric Format: JSON lines that CloudWatch Logs turns into metrics, no
 * API call and no extra permission. Pure: {@link #lines} builds them, the caller writes them (stdout in Lambda).
 *
 * <p>Decision: written directly rather than with Powertools for AWS Lambda (Java) metrics: that module brings
 * AspectJ weaving (or its own handler wrapper) and more jars into a cold start we keep small, for what is one JSON
 * object here; and this project adds no dependencies.
 *
 * <p>Line 1, no dimensions: FindingsError, FindingsWarning, FindingsInfo (active findings, suppressed ones not
 * counted), FindingsSuppressed, OriginsChecked, DistributionsChecked (only the distributions actually checked: read, and
 * at least one connection checked), NotChecked (distributions that could not be read plus connections not checked,
 * active findings only: {@link dev.cfoc.report.Coverage#notCheckedTotal()}), RunDurationMs, RunsCompleted (always 1:
 * the heartbeat). Then one line per code that has
 * active findings: metric {@code Findings} with dimension {@code Code} (one EMF document holds one value per
 * dimension, so each code needs its own line). Decision: codes without findings are not emitted, so an account pays
 * only for the code metrics it ever sees; the per-severity metrics are emitted on every run (0 included) so the
 * alarm sees data.
 */
public final class EmfMetrics {

    public static final String NAMESPACE = "CloudFrontOriginChecker";
    public static final String FINDINGS_ERROR = "FindingsError";
    public static final String FINDINGS_WARNING = "FindingsWarning";
    public static final String FINDINGS_INFO = "FindingsInfo";
    public static final String FINDINGS_SUPPRESSED = "FindingsSuppressed";
    public static final String ORIGINS_CHECKED = "OriginsChecked";
    public static final String DISTRIBUTIONS_CHECKED = "DistributionsChecked";
    public static final String NOT_CHECKED = "NotChecked";
    public static final String RUN_DURATION_MS = "RunDurationMs";
    /** 1 per run that got this far: the heartbeat alarm fires when none arrives (template.yaml HeartbeatAlarm). */
    public static final String RUNS_COMPLETED = "RunsCompleted";
    public static final String FINDINGS_BY_CODE = "Findings";
    public static final String CODE_DIMENSION = "Code";

    /** Where the lines go. */
    @FunctionalInterface
    public interface Sink {
        void write(String line);
    }

    /** Lambda extracts EMF from the function's stdout; the JSON log format does not wrap System.out lines. */
    public static final Sink STDOUT = line -> {
        System.out.println(line);
        System.out.flush();
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfMetrics() {
    }

    public static List<String> lines(Report report, long runDurationMs, Instant timestamp) {
        List<Finding> active = report.findings().filter(Finding::isActive).toList();
        Map<String, Number> totals = new LinkedHashMap<>();
        totals.put(FINDINGS_ERROR, count(active, Severity.ERROR));
        totals.put(FINDINGS_WARNING, count(active, Severity.WARNING));
        totals.put(FINDINGS_INFO, count(active, Severity.INFO));
        totals.put(FINDINGS_SUPPRESSED, report.findings().filter(Finding::isSuppressed).count());
        totals.put(ORIGINS_CHECKED, report.summary().origins());
        totals.put(DISTRIBUTIONS_CHECKED, report.coverage().distributionsChecked());
        totals.put(NOT_CHECKED, report.coverage().notCheckedTotal());
        totals.put(RUN_DURATION_MS, runDurationMs);
        totals.put(RUNS_COMPLETED, 1);

        List<String> lines = new ArrayList<>();
        lines.add(document(timestamp, Map.of(), totals).toString());
        Map<FindingCode, Long> byCode = new EnumMap<>(FindingCode.class);
        active.forEach(f -> byCode.merge(f.code(), 1L, Long::sum));
        byCode.forEach((code, n) -> lines.add(
                document(timestamp, Map.of(CODE_DIMENSION, code.name()), Map.of(FINDINGS_BY_CODE, n)).toString()));
        return List.copyOf(lines);
    }

    public static void emit(Sink sink, Report report, long runDurationMs, Instant timestamp) {
        lines(report, runDurationMs, timestamp).forEach(sink::write);
    }

    private static ObjectNode document(Instant timestamp, Map<String, String> dimensions, Map<String, Number> metrics) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestamp.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.keySet().forEach(name -> definitions.addObject().put("Name", name)
                .put("Unit", name.equals(RUN_DURATION_MS) ? "Milliseconds" : "Count"));
        dimensions.forEach(root::put);
        metrics.forEach((name, value) -> root.put(name, value.longValue()));
        return root;
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}

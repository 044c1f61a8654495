package dev.cfoc.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.cert.TrustListRelease;
import dev.cfoc.finding.Finding;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.TlsVersion;
import dev.cfoc.probe.ProbeResult;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The machine format. Its shape is a contract (README, "JSON shape"): fields are added, never renamed or removed.
 * Absent values are JSON null. Built field by field so the shape does not drift with the Java records.
 */
public final class JsonReportWriter implements ReportWriter {

    /**
     * Pure ASCII out: every other character as a JSON escape, so that C1 controls and bidirectional overrides from
     * outside (JSON escapes only the C0 controls by itself) reach no terminal or mail reader raw. Same data.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final FindingHistory history;

    public JsonReportWriter() {
        this(FindingHistory.NONE);
    }

    /** @param history what the alert state knows: {@code firstSeen} of each finding, {@code transition}, {@code resolved} */
    public JsonReportWriter(FindingHistory history) {
        this.history = history;
    }

    /**
     * Streamed: only one distribution's tree is in memory at a time, and no string of the whole report is built (a
     * 10,000-origin report is about 40 MB of JSON). Ends at the closing brace.
     */
    @Override
    public void write(Report report, Writer out) throws IOException {
        try (JsonGenerator json = MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            ObjectNode head = header(report);
            for (var field : head.properties()) {
                json.writeFieldName(field.getKey());
                MAPPER.writeTree(json, field.getValue());
            }
            json.writeArrayFieldStart("distributions");
            for (DistributionReport d : report.distributions()) {
                MAPPER.writeTree(json, distribution(d));
            }
            json.writeEndArray();
            ObjectNode tail = trailer(report);
            for (var field : tail.properties()) {
                json.writeFieldName(field.getKey());
                MAPPER.writeTree(json, field.getValue());
            }
            json.writeEndObject();
        }
        out.flush();
    }

    /** One distribution's part of the report (the element of {@code distributions}), e.g. for an SNS message. */
    public String write(DistributionReport distribution) {
        return string(distribution(distribution));
    }

    /** Findings as a JSON array, in the shape of the report's (e.g. the findings about the run, for an SNS message). */
    public String write(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        findings.forEach(f -> array.add(finding(f, FindingHistory.RUN_KEY, List.of())));
        return string(array);
    }

    private static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report cannot be serialised", e);
        }
    }

    public ObjectNode toJson(Report report) {
        ObjectNode root = header(report);
        ArrayNode distributions = root.putArray("distributions");
        report.distributions().forEach(d -> distributions.add(distribution(d)));
        root.setAll(trailer(report));
        return root;
    }

    /**
     * The fields before {@code distributions}. {@code trustAnchors.list*} name the release of Mozilla's list (null for
     * another trust store); {@code findings} holds the findings about the run itself (originId null), e.g.
     * TRUST_STORE_STALE.
     */
    private ObjectNode header(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generatedAt", report.generatedAt().toString());
        Report.TrustAnchorsNote trust = report.trustAnchors();
        ObjectNode anchors = root.putObject("trustAnchors");
        anchors.put("source", trust.source());
        strings(anchors.putArray("addedRoots"), trust.addedRoots());
        if (!trust.addedRoots().isEmpty()) {
            anchors.put("note", TextReportWriter.ADDED_ROOTS_NOTE);
        }
        put(anchors, "listSource", trust.list().map(TrustListRelease::source));
        put(anchors, "listVersion", trust.list().map(TrustListRelease::version));
        put(anchors, "listDate", trust.list().map(l -> l.date().toString()));
        put(anchors, "listRefreshed", trust.list().map(l -> l.refreshed().toString()));
        anchors.put("listMaxAgeDays", TrustListRelease.MAX_AGE_DAYS);
        ArrayNode distrusts = anchors.putArray("serverDistrustAfter");
        trust.serverDistrustAfter().forEach(d -> distrusts.addObject().put("root", d.label())
                .put("sha256Fingerprint", d.sha256()).put("distrustAfter", d.after().toString()));
        ArrayNode findings = root.putArray("findings");
        report.runFindings().forEach(f -> findings.add(finding(f, FindingHistory.RUN_KEY, List.of())));
        return root;
    }

    /** The fields after {@code distributions}. */
    private ObjectNode trailer(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("distributions", report.summary().distributions());
        summary.put("origins", report.summary().origins());
        summary.put("errors", report.summary().errors());
        summary.put("warnings", report.summary().warnings());
        summary.put("suppressed", report.summary().suppressed());
        summary.put("durationMs", report.summary().durationMs());
        coverage(summary.putObject("coverage"), report.coverage());
        strings(root.putArray("notes"), report.notes());
        return root;
    }

    /**
     * {@code complete}: nothing left unchecked (suppressed gaps are acknowledged); {@code notChecked}: active
     * not-checked connections by code; {@code suppressed}: not-checked connections whose finding is suppressed.
     */
    private static void coverage(ObjectNode node, Coverage coverage) {
        node.put("complete", coverage.complete());
        node.putObject("distributions").put("planned", coverage.distributionsPlanned())
                .put("checked", coverage.distributionsChecked()).put("unread", coverage.distributionsUnread());
        ObjectNode connections = node.putObject("connections").put("planned", coverage.connectionsPlanned())
                .put("checked", coverage.connectionsChecked());
        ObjectNode notChecked = connections.putObject("notChecked");
        coverage.notChecked().forEach((code, n) -> notChecked.put(code.name(), n));
        connections.put("suppressed", coverage.suppressedNotChecked());
    }

    /**
     * {@code findings} holds the findings about the distribution as a whole (their originId is null); with alert
     * state, {@code transition} is this run's (else null) and {@code resolved} the findings that cleared in it.
     */
    private ObjectNode distribution(DistributionReport d) {
        ObjectNode node = MAPPER.createObjectNode();
        put(node, "id", d.id());
        node.put("source", d.source());
        put(node, "domainName", d.domainName());
        strings(node.putArray("aliases"), d.aliases());
        d.enabled().ifPresentOrElse(e -> node.put("enabled", e), () -> node.putNull("enabled"));
        List<String> hosts = AffectedRequests.hosts(d);
        ArrayNode origins = node.putArray("origins");
        d.origins().forEach(o -> origins.add(origin(o, d.label(), hosts)));
        ArrayNode findings = node.putArray("findings");
        d.findings().forEach(f -> findings.add(finding(f, d.label(), hosts)));
        put(node, "transition", history.transition(d.label()));
        ArrayNode resolved = node.putArray("resolved");
        history.resolved(d.label()).forEach(f -> resolved.add(finding(f, d.label(), hosts)));
        return node;
    }

    private ObjectNode origin(OriginReport o, String key, List<String> hosts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("originId", o.originId());
        node.put("domainName", o.domainName());
        node.put("verdict", o.verdict().name());
        ObjectNode notes = node.putObject("notes");
        o.notes().forEach(notes::put);
        ArrayNode probes = node.putArray("probes");
        o.probes().forEach(p -> probes.add(probe(p)));
        ArrayNode findings = node.putArray("findings");
        o.findings().forEach(f -> findings.add(finding(f, key, hosts)));
        return node;
    }

    private ObjectNode probe(ProbeResult p) {
        ProbeTarget t = p.target();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("scheme", t.scheme().lower());
        node.put("port", t.port());
        put(node, "sni", t.sni());
        node.put("hostHeader", t.hostHeader());
        put(node, "address", p.address());
        strings(node.putArray("offeredTlsVersions"), t.tlsVersions().stream().map(TlsVersion::apiName).toList());
        put(node, "tlsVersion", p.tlsVersion());
        put(node, "cipherSuite", p.cipherSuite());
        ArrayNode chain = node.putArray("certificateChain");
        p.certificateChain().forEach(c -> chain.add(certificate(c)));
        put(node, "httpStatus", p.httpStatus());
        strings(node.putArray("behaviors"), t.behaviors());
        ObjectNode timings = node.putObject("timingsMs");
        p.timingsMs().forEach(timings::put);
        return node;
    }

    private ObjectNode certificate(CertificateSummary c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("subject", c.subject());
        node.put("issuer", c.issuer());
        strings(node.putArray("subjectAltNames"), c.subjectAltNames());
        node.put("notBefore", c.notBefore().toString());
        node.put("notAfter", c.notAfter().toString());
        node.put("serialNumber", c.serialNumber());
        node.put("sha256Fingerprint", c.sha256Fingerprint());
        node.put("publicKey", c.publicKey());
        node.put("signatureAlgorithm", c.signatureAlgorithm());
        return node;
    }

    /**
     * {@code paths}: the path patterns whose requests go through what the finding is about, {@code hosts}: the names
     * those requests use (the distribution's aliases, else its domain name); {@code firstSeen}: with alert state.
     */
    ObjectNode finding(Finding f, String key, List<String> hosts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", f.code().name());
        node.put("severity", f.severity().name());
        if (f.isAboutAnOrigin()) {
            node.put("originId", f.originId());
        } else {
            node.putNull("originId");
        }
        put(node, "port", f.port());
        put(node, "sni", f.sni());
        node.put("message", f.message());
        ObjectNode evidence = node.putObject("evidence");
        f.evidence().forEach(evidence::put);
        node.put("remediation", f.remediation());
        put(node, "reproduce", f.reproduce());
        f.suppressed().ifPresentOrElse(s -> {
            ObjectNode suppressed = node.putObject("suppressed");
            suppressed.put("until", s.until().toString());
            suppressed.put("reason", s.reason());
        }, () -> node.putNull("suppressed"));
        strings(node.putArray("paths"), f.paths());
        strings(node.putArray("hosts"), f.paths().isEmpty() ? List.of() : hosts);
        put(node, "firstSeen", history.firstSeen(key, f).map(Object::toString));
        return node;
    }

    private static void put(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    private static void put(ObjectNode node, String field, OptionalInt value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

}

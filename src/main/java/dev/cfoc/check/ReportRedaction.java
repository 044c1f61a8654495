package dev.cfoc.check;

import dev.cfoc.cert.CertificateSummary;
import dev.cfoc.finding.Finding;
import dev.cfoc.probe.ProbeResult;
import dev.cfoc.probe.Redaction;
import dev.cfoc.report.DistributionReport;
import dev.cfoc.report.OriginReport;
import dev.cfoc.report.Report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's {@link Redaction} over a whole report, as the engine hands it out: every text that can hold what an
 * origin sent or an exception said — finding messages, evidence and reproduce commands (run, distribution and origin
 * findings alike), probe problems, certificate names, notes. Ids, domain names and aliases come from the
 * configuration and are left as they are. Every channel (report formats, logs, SNS, metrics) is made from this report.
 */
final class ReportRedaction {

    private final Redaction redaction;

    ReportRedaction(Redaction redaction) {
        this.redaction = redaction;
    }

    Report apply(Report report) {
        if (redaction.searchesNothing()) {
            return report;
        }
        List<DistributionReport> distributions = report.distributions().stream().map(this::distribution).toList();
        return new Report(report.generatedAt(), report.trustAnchors(), distributions, report.summary(),
                report.notes().stream().map(redaction::redact).toList(), findings(report.runFindings()));
    }

    private DistributionReport distribution(DistributionReport d) {
        return d.with(d.origins().stream().map(this::origin).toList(), findings(d.findings()));
    }

    private OriginReport origin(OriginReport o) {
        return new OriginReport(o.originId(), o.domainName(), o.verdict(), values(o.notes()),
                o.probes().stream().map(this::probe).toList(), findings(o.findings()));
    }

    private ProbeResult probe(ProbeResult p) {
        return new ProbeResult(p.target(), p.address(), p.tlsVersion(), p.cipherSuite(),
                p.certificateChain().stream().map(this::certificate).toList(), p.httpStatus(), p.timingsMs(),
                p.problems().stream().map(redaction::redact).toList());
    }

    private CertificateSummary certificate(CertificateSummary c) {
        return new CertificateSummary(redaction.redact(c.subject()), redaction.redact(c.issuer()),
                c.subjectAltNames().stream().map(redaction::redact).toList(), c.notBefore(), c.notAfter(),
                c.serialNumber(), c.sha256Fingerprint(), c.publicKey(), c.signatureAlgorithm());
    }

    private List<Finding> findings(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.code(), f.originId(), f.port(), f.sni(),
                redaction.redact(f.message()), values(f.evidence()), f.reproduce().map(redaction::redact),
                f.suppressed(), f.paths())).toList();
    }

    private Map<String, String> values(Map<String, String> map) {
        Map<String, String> redacted = new LinkedHashMap<>();
        map.forEach((key, value) -> redacted.put(key, redaction.redact(value)));
        return redacted;
    }
}

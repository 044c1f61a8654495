package dev.cfoc.check;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;
import dev.cfoc.plan.Failover;
import dev.cfoc.plan.OriginPlan;
import dev.cfoc.report.OriginReport;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what an origin group's primary failing costs viewers (docs/cloudfront-rules.md#origin-groups): CloudFront moves
 * a GET, HEAD or OPTIONS request to the secondary when it cannot connect to the primary, the response times out, or the
 * status is a failover code; other methods get the primary's error. Pure: works on the plans and reports of one
 * distribution.
 *
 * <p>Decision (docs/decisions.md, "Planning connections"): a failure that fails over when the secondary answered
 * (no ERROR of its own) and every behavior reaching the group allows only GET, HEAD and OPTIONS is not a failed
 * request: it becomes one {@link FindingCode#FAILOVER_TO_SECONDARY} WARNING naming the cause. Otherwise the finding
 * keeps its code and severity, and its message says which requests fail over and which get the error.
 */
final class OriginGroupFailover {

    /**
     * Decision: what counts as "CloudFront fails to connect to the primary" or "the response times out": no address,
     * no TCP connection, no TLS session (handshake or certificate rejected), no response head in time. An answer that
     * is not HTTP is none of these (AWS is silent): it stays an error for every request.
     */
    static final Set<FindingCode> FAILS_OVER = EnumSet.of(FindingCode.DNS_UNRESOLVABLE,
            FindingCode.DNS_NO_ADDRESS_IN_FAMILY, FindingCode.PORT_UNREACHABLE, FindingCode.CONNECT_TIMEOUT,
            FindingCode.TLS_HANDSHAKE_TIMEOUT, FindingCode.TLS_HANDSHAKE_FAILED, FindingCode.TLS_NO_COMMON_PROTOCOL,
            FindingCode.TLS_NO_COMMON_CIPHER, FindingCode.CERT_NAME_MISMATCH, FindingCode.CERT_EXPIRED,
            FindingCode.CERT_NOT_YET_VALID, FindingCode.CERT_SELF_SIGNED, FindingCode.CERT_UNTRUSTED,
            FindingCode.CERT_CHAIN_INCOMPLETE, FindingCode.CERT_CHAIN_ORDER, FindingCode.ORIGIN_READ_TIMEOUT);

    private static final Pattern STATUS = Pattern.compile("^HTTP/\\S+ (\\d{3})");

    private OriginGroupFailover() {
    }

    /** @param plans and {@code reports}: one distribution's origins, in the same order */
    static List<OriginReport> apply(List<OriginPlan> plans, List<OriginReport> reports) {
        Map<String, OriginReport> byId = reports.stream()
                .collect(Collectors.toMap(OriginReport::originId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return java.util.stream.IntStream.range(0, reports.size())
                .mapToObj(i -> plans.get(i).failover().map(f -> assess(reports.get(i), f, byId)).orElse(reports.get(i)))
                .toList();
    }

    private static OriginReport assess(OriginReport primary, Failover failover, Map<String, OriginReport> byId) {
        List<OriginReport> secondaries = failover.secondaryOriginIds().stream().map(byId::get).toList();
        boolean secondaryAnswers = secondaries.stream().allMatch(s -> s != null && !s.probes().isEmpty()
                && s.findings().stream().filter(Finding::isActive).noneMatch(f -> f.severity() == Severity.ERROR));
        String secondaryIds = String.join(", ", failover.secondaryOriginIds());
        List<Finding> findings = primary.findings().stream()
                .map(f -> explain(f, failover, secondaryAnswers, secondaryIds))
                .toList();
        return findings.equals(primary.findings()) ? primary : primary.withFindings(findings);
    }

    private static Finding explain(Finding finding, Failover failover, boolean secondaryAnswers, String secondary) {
        if (FAILS_OVER.contains(finding.code())) {
            if (secondaryAnswers && failover.everyRequestFailsOver()) {
                return failingOver(finding, secondary);
            }
            return withMessage(finding, finding.message() + "; origin group: " + (secondaryAnswers
                    ? "GET, HEAD and OPTIONS requests fail over to " + secondary + ", which answered; requests with "
                    + "other methods get CloudFront's error: " + String.join("; ", failover.otherMethods())
                    : "the secondary " + secondary + " fails too (or was not probed), so requests that fail over "
                    + "get an error as well"));
        }
        if (finding.code() == FindingCode.HTTP_5XX) {
            return status(finding).map(code -> withMessage(finding, finding.message() + "; origin group: "
                    + (failover.failoverStatusCodes().contains(code)
                    ? code + " is a failover status: GET, HEAD and OPTIONS requests fail over to " + secondary
                    : code + " is not among the group's failover status codes " + failover.failoverStatusCodes()
                    + ": viewers get it"))).orElse(finding);
        }
        return finding;
    }

    private static Finding failingOver(Finding cause, String secondary) {
        var evidence = new LinkedHashMap<String, String>();
        evidence.put("cause", cause.code().name());
        evidence.put("causeSeverity", cause.code().severity().name());
        evidence.put("secondary", secondary);
        evidence.putAll(cause.evidence());
        return new Finding(FindingCode.FAILOVER_TO_SECONDARY, cause.originId(), cause.port(), cause.sni(),
                "the primary member of an origin group fails (" + cause.code() + ": " + cause.message() + "); every "
                        + "behavior reaching the group allows only GET, HEAD and OPTIONS, so every such request fails "
                        + "over to " + secondary + ", which answered: viewers get the secondary's response, after "
                        + "CloudFront's failed attempts on this origin", evidence, cause.reproduce(), cause.suppressed(),
                cause.paths());
    }

    private static Finding withMessage(Finding finding, String message) {
        return new Finding(finding.code(), finding.originId(), finding.port(), finding.sni(), message,
                finding.evidence(), finding.reproduce(), finding.suppressed(), finding.paths());
    }

    private static Optional<Integer> status(Finding finding) {
        return Optional.ofNullable(finding.evidence().get("statusLine")).map(STATUS::matcher).filter(Matcher::find)
                .map(m -> Integer.valueOf(m.group(1)));
    }
}

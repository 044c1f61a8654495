package dev.cfoc.report;

import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a run set out to check and what it actually checked: checked nothing is not "all clear". Counted from the
 * findings whose code {@linkplain FindingCode#meansNotChecked() means "not checked"}.
 *
 * <ul>
 *   <li>A <b>connection</b> is one probe CloudFront would make (scheme, port, SNI of an origin), or an origin that could
 *       not be probed at all (its ORIGIN_NOT_PROBED finding stands for it). It is not checked when a not-checked
 *       finding sits on it.</li>
 *   <li>A <b>distribution</b> is checked when it was read (no distribution-level not-checked finding, e.g.
 *       SOURCE_UNAVAILABLE) and at least one of its connections was checked (or it has none to check).</li>
 * </ul>
 *
 * @param notChecked          active (not suppressed) not-checked connections by code, most first; what makes a run
 *                            incomplete
 * @param suppressedNotChecked not-checked connections whose finding is suppressed: acknowledged gaps, neither checked
 *                            nor counted as incomplete
 * @param distributionsUnread distributions with an active distribution-level not-checked finding (not read)
 */
public record Coverage(int distributionsPlanned, int distributionsChecked, int distributionsUnread,
                       int connectionsPlanned, int connectionsChecked, Map<FindingCode, Integer> notChecked,
                       int suppressedNotChecked) {

    public Coverage {
        notChecked = Collections.unmodifiableMap(new LinkedHashMap<>(notChecked));
    }

    /** Nothing planned, nothing checked (a run that was asked for nothing). */
    public static Coverage none() {
        return new Coverage(0, 0, 0, 0, 0, Map.of(), 0);
    }

    public static Coverage of(List<DistributionReport> distributions) {
        int distributionsChecked = 0;
        int distributionsUnread = 0;
        int planned = 0;
        int checked = 0;
        int suppressed = 0;
        Map<FindingCode, Integer> notChecked = new EnumMap<>(FindingCode.class);
        for (DistributionReport d : distributions) {
            List<Finding> unread = d.findings().stream().filter(f -> f.code().meansNotChecked()).toList();
            distributionsUnread += unread.stream().anyMatch(Finding::isActive) ? 1 : 0;
            int dPlanned = 0;
            int dNotChecked = 0;
            for (OriginReport o : d.origins()) {
                List<Finding> gaps = o.findings().stream().filter(f -> f.code().meansNotChecked()).toList();
                dPlanned += o.probes().size() + (int) gaps.stream().filter(f -> f.port().isEmpty()).count();
                dNotChecked += gaps.size();
                for (Finding gap : gaps) {
                    if (gap.isActive()) {
                        notChecked.merge(gap.code(), 1, Integer::sum);
                    } else {
                        suppressed++;
                    }
                }
            }
            int dChecked = Math.max(0, dPlanned - dNotChecked);
            planned += dPlanned;
            checked += dChecked;
            if (unread.isEmpty() && (dPlanned == 0 || dChecked > 0)) {
                distributionsChecked++;
            }
        }
        Map<FindingCode, Integer> mostFirst = notChecked.entrySet().stream()
                .sorted(Map.Entry.<FindingCode, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new Coverage(distributions.size(), distributionsChecked, distributionsUnread, planned, checked, mostFirst,
                suppressed);
    }

    /** Active not-checked connections, all codes together. */
    public int connectionsNotChecked() {
        return notChecked.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * What the NotChecked metric counts: distributions that could not be read plus connections not checked (active
     * findings only; suppressed ones are acknowledged).
     */
    public int notCheckedTotal() {
        return distributionsUnread + connectionsNotChecked();
    }

    /** Every distribution was read and every connection checked, or its gap acknowledged (suppressed). */
    public boolean complete() {
        return notCheckedTotal() == 0;
    }

    /** Nothing at all was checked although something was asked for. */
    public boolean checkedNothing() {
        return distributionsPlanned > 0 && distributionsChecked == 0;
    }

    /**
     * The gaps in words, e.g. {@code 1 distribution could not be read; 2 connections not checked
     * (NOT_CHECKED_DEADLINE 2)}; empty when complete.
     */
    public String gaps() {
        return Stream.of(distributionsUnread == 0 ? "" : Counts.of(distributionsUnread, "distribution")
                                + " could not be read",
                        notChecked.isEmpty() ? "" : Counts.of(connectionsNotChecked(), "connection") + " not checked ("
                                + notChecked.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")) + ")")
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining("; "));
    }
}

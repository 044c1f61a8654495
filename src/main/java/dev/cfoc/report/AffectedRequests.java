package dev.cfoc.report;

import dev.cfoc.config.CacheBehavior;
import dev.cfoc.finding.Finding;
import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Severity;

import java.util.List;
import java.util.Optional;

/**
 * Which viewer requests a finding hits, in words: "requests to `/api/*` and `/static/*` on shop.example.com will get
 * 502". The paths are the finding's (the cache behaviors that use its connection), the hosts the distribution's
 * aliases, or its CloudFront domain name when it has none. Every renderer (text, Markdown, SNS) says it this way.
 */
public final class AffectedRequests {

    /** Beyond this many aliases the sentence names the first ones and counts the rest. */
    static final int MAX_HOSTS_NAMED = 3;

    private AffectedRequests() {
    }

    /** The names viewers use for {@code distribution}: its aliases, else its CloudFront domain name. */
    public static List<String> hosts(DistributionReport distribution) {
        if (!distribution.aliases().isEmpty()) {
            return distribution.aliases();
        }
        return distribution.domainName().stream().toList();
    }

    /** The sentence for {@code finding}, when its paths are known (not for findings about a distribution or the run). */
    public static Optional<String> describe(Finding finding, List<String> hosts) {
        return requests(finding, hosts).map(requests -> requests + " " + consequence(finding));
    }

    /** E.g. {@code requests to `/api/*` on shop.example.com}, when the finding's paths are known. */
    public static Optional<String> requests(Finding finding, List<String> hosts) {
        if (finding.paths().isEmpty()) {
            return Optional.empty();
        }
        String on = hosts.isEmpty() ? "" : " on " + hostList(hosts);
        return Optional.of("requests to " + and(finding.paths().stream().map(AffectedRequests::path).toList()) + on);
    }

    /**
     * What happens to those requests, from what CloudFront does with the finding's cause; for a code that
     * {@linkplain FindingCode#meansNotChecked() means "not checked"}, that nothing is known.
     */
    static String consequence(Finding finding) {
        if (finding.code().meansNotChecked()) {
            return "go through a connection that was not checked";
        }
        return switch (finding.code()) {
            case CONNECT_TIMEOUT, ORIGIN_READ_TIMEOUT, ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT -> "will get 504";
            case TLS_HANDSHAKE_TIMEOUT -> "will get 502 or 504";
            case CERT_EXPIRING_SOON -> "will get 502 once the certificate expires";
            case HTTP_5XX -> "get the origin's 5xx answers";
            case TLS_DEPRECATED_PROTOCOL -> "reach the origin over a deprecated TLS version";
            default -> finding.severity() == Severity.ERROR ? "will get 502" : "are affected";
        };
    }

    /** A path pattern as a code span; what came from outside is shown as text ({@link PlainText}), never as markup. */
    private static String path(String pattern) {
        return "`" + PlainText.of(pattern).replace('`', '\'') + "`"
                + (CacheBehavior.DEFAULT_PATH_PATTERN.equals(pattern) ? " (default behavior)" : "");
    }

    private static String hostList(List<String> names) {
        List<String> hosts = names.stream().map(PlainText::of).toList();
        if (hosts.size() <= MAX_HOSTS_NAMED) {
            return and(hosts);
        }
        int more = hosts.size() - MAX_HOSTS_NAMED;
        return String.join(", ", hosts.subList(0, MAX_HOSTS_NAMED)) + " and " + more + " more alias"
                + (more == 1 ? "" : "es");
    }

    private static String and(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}

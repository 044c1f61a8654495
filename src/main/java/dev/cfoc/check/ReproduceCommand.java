package dev.cfoc.check;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsProfile;
import dev.cfoc.plan.TlsVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command an on-call engineer runs to see a finding by hand, doing what CloudFront does
 * (same SNI, versions and cipher suites). Custom header values are never written: only their names.
 */
final class ReproduceCommand {

    /** Debian's Mozilla CA bundle: what CloudFront trusts. */
    static final String MOZILLA_CA_FILE = "/etc/ssl/certs/ca-certificates.crt";
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9._:/@%+=,-]+");

    private ReproduceCommand() {
    }

    static String forProblem(ProbeTarget target, FindingCode code) {
        return switch (code) {
            case DNS_UNRESOLVABLE -> "dig +short " + quote(target.host()) + " A; dig +short " + quote(target.host()) + " AAAA";
            case PORT_UNREACHABLE, CONNECT_TIMEOUT, CHECKER_BLOCKED_BY_FIREWALL -> "nc -vz -w " + target.connectTimeout().toSeconds() + " "
                    + quote(target.host()) + " " + target.port();
            case ORIGIN_READ_TIMEOUT, HTTP_5XX -> curl(target);
            default -> target.scheme() == Scheme.HTTPS ? openSsl(target) : curl(target);
        };
    }

    static String openSsl(ProbeTarget target) {
        List<String> words = new ArrayList<>(List.of("openssl", "s_client", "-connect", quote(target.host() + ":" + target.port())));
        target.sni().ifPresent(sni -> words.addAll(List.of("-servername", quote(sni))));
        words.addAll(versionFlags(target.tlsVersions()));
        String ciphers = TlsProfile.CLOUDFRONT_ORIGIN.openSslCipherString();
        if (target.tlsVersions().stream().anyMatch(TlsVersion::isDeprecated)) {
            ciphers += ":@SECLEVEL=0";
        }
        words.addAll(List.of("-cipher", quote(ciphers), "-showcerts", "-CAfile", MOZILLA_CA_FILE, "</dev/null"));
        return String.join(" ", words);
    }

    private static List<String> versionFlags(List<TlsVersion> offered) {
        List<String> flags = new ArrayList<>(List.of("-no_tls1_3"));
        if (!offered.contains(TlsVersion.TLSV1_2)) {
            flags.add("-no_tls1_2");
        }
        if (!offered.contains(TlsVersion.TLSV1_1)) {
            flags.add("-no_tls1_1");
        }
        if (!offered.contains(TlsVersion.TLSV1)) {
            flags.add("-no_tls1");
        }
        return flags;
    }

    static String curl(ProbeTarget target) {
        List<String> words = new ArrayList<>(List.of("curl", "-sv", "-o", "/dev/null", "--max-time",
                String.valueOf(target.readTimeout().toSeconds())));
        String urlHost = target.sni().orElse(target.host());
        if (!urlHost.equals(target.host())) {
            words.addAll(List.of("--connect-to", quote(urlHost + ":" + target.port() + ":" + target.host() + ":" + target.port())));
        }
        if (target.scheme() == Scheme.HTTPS) {
            words.add("--tls-max");
            words.add("1.2");
        }
        if (!target.hostHeader().equals(urlHost)) {
            words.addAll(List.of("-H", quote("Host: " + target.hostHeader())));
        }
        target.customHeaders().forEach(h -> words.addAll(List.of("-H",
                quote(h.name() + ": <value of this origin custom header>"))));
        words.add(quote(target.scheme().lower() + "://" + urlHost + ":" + target.port() + target.requestPath()));
        return String.join(" ", words);
    }

    static String quote(String word) {
        if (SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.finding.Problem;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.TlsVersion;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the probe tells people: turns what a probe step saw (its outcome) into a {@link Problem}, message and
 * evidence. {@link OriginProber} and {@link TlsDiagnosis} do the network work and decide which outcome it was; the
 * words of every finding about what an origin did, and of a connection the run's deadline cut, are here and nowhere
 * else. (The run's own, a probe that threw, stays with {@link ProbeRunner}.) No I/O.
 */
final class ProbeFindings {

    private ProbeFindings() {
    }

    /** {@code OriginSslProtocols} leaves nothing this probe can offer (SSLv3 only). */
    static Problem noTestableVersion(ProbeTarget target) {
        String configured = TlsNames.versions(target.tlsVersions());
        return Problem.of(FindingCode.ORIGIN_NOT_PROBED, "OriginSslProtocols lists no version that can be tested ("
                + configured + "); SSLv3 cannot be tested by a modern TLS stack")
                .withEvidence("tlsVersions", configured);
    }

    /**
     * Every address the origin's name resolved to is one CloudFront cannot reach from its edge: ORIGIN_NOT_PUBLIC,
     * or, when the checker runs inside a private network, ORIGIN_PRIVATE_ANSWER (the answer may be private DNS that
     * CloudFront does not see). No connection was made.
     */
    static Problem notPublic(ProbeTarget target, List<InetAddress> addresses, CheckerNetwork network) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("host", target.host());
        evidence.put("addresses", scoped(addresses));
        evidence.put("connected", "no: the checker connects only to public addresses (--allow-private-origins, "
                + "ALLOW_PRIVATE_ORIGINS=true: labs only)");
        if (network.isPrivate()) {
            evidence.put("checkerNetwork", "private: " + network.evidence().orElseThrow());
            return new Problem(FindingCode.ORIGIN_PRIVATE_ANSWER, "origin domain name " + target.host()
                    + " resolves here only to addresses CloudFront cannot reach (" + scoped(addresses) + "); the "
                    + "checker runs inside a private network, so this answer may come from private DNS (a Route 53 "
                    + "private hosted zone, split-horizon DNS) that CloudFront does not see: not checked. If public "
                    + "DNS gives the same answer, CloudFront cannot connect (502)", evidence);
        }
        return new Problem(FindingCode.ORIGIN_NOT_PUBLIC, "origin domain name " + target.host() + " resolves only to "
                + "addresses CloudFront cannot reach from its edge (" + scoped(addresses) + "): CloudFront cannot "
                + "connect (502); not probed", evidence);
    }

    /**
     * Decision: a name that resolves to public and non-public addresses is probed on its public ones only (they are
     * what CloudFront's edges can reach), with a WARNING naming the others: AWS does not document whether CloudFront
     * skips an unreachable address, and an attempt on one fails.
     */
    static Problem someNotPublic(ProbeTarget target, AddressPolicy.Split split, CheckerNetwork network) {
        Problem problem = Problem.of(FindingCode.ORIGIN_SOME_NOT_PUBLIC, "origin domain name " + target.host()
                        + " also resolves to addresses CloudFront cannot reach (" + scoped(split.notProbed())
                        + "); only its public addresses were probed (" + addresses(split.probed()) + "). AWS does "
                        + "not document whether CloudFront skips such an address: a connection attempt to one fails")
                .withEvidence("host", target.host())
                .withEvidence("probed", addresses(split.probed()))
                .withEvidence("notProbed", scoped(split.notProbed()));
        return network.evidence().map(e -> problem.withEvidence("checkerNetwork", "private: " + e + "; the "
                + "non-public answers may come from private DNS that CloudFront does not see")).orElse(problem);
    }

    private static String addresses(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
    }

    /** "10.0.0.5 private (RFC 1918: …), 127.0.0.1 loopback (this host)". */
    private static String scoped(List<InetAddress> addresses) {
        return addresses.stream().map(a -> a.getHostAddress() + " " + AddressScope.of(a).description())
                .collect(Collectors.joining(", "));
    }

    static Problem unresolvable(ProbeTarget target, UnknownHostException e) {
        return Problem.of(FindingCode.DNS_UNRESOLVABLE, "origin domain name " + target.host() + " does not resolve")
                .withEvidence("host", target.host())
                .withEvidence("resolver", String.valueOf(e.getMessage()));
    }

    /**
     * Every attempt failed: {@code CONNECT_TIMEOUT} if any timed out, else {@code PORT_UNREACHABLE}. The message names
     * the status viewers see: a connection that never completes (packets dropped, typically by a firewall or security
     * group that does not admit CloudFront) is a 504, a refused one a 502 (docs/cloudfront-rules.md#504-firewall,
     * #502-port-not-answering).
     *
     * @param addresses what the origin's name resolved to (of the connection's address family)
     * @param shared    the failure is another probe's of this run, to the same addresses and port ({@link ConnectOnce})
     */
    static Problem notConnected(ProbeTarget target, List<InetAddress> addresses, TcpConnector.NotConnected failed,
                                boolean shared) {
        List<TcpConnector.Attempt> attempts = failed.attempts();
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("attempts", String.valueOf(attempts.size()));
        evidence.put("addresses", addresses.stream().map(InetAddress::getHostAddress)
                .collect(Collectors.joining(", ")));
        evidence.put("connectionTimeout", Durations.human(target.connectTimeout()));
        for (int i = 0; i < attempts.size(); i++) {
            evidence.put("attempt" + (i + 1), attempts.get(i).describe(target.port()));
        }
        if (shared) {
            evidence.put("connectedOnce", "another connection of this run (another SNI, Host or name) to the same "
                    + "address and port failed this way; not tried again");
        }
        String where = target.host() + ":" + target.port();
        return failed.anyTimedOut()
                ? new Problem(FindingCode.CONNECT_TIMEOUT, where + " did not accept a TCP connection within "
                + Durations.human(target.connectTimeout()) + " (" + attempts.size() + " attempts): viewers get 504 "
                + "(Gateway Timeout), which is what CloudFront answers when a firewall or security group drops its "
                + "traffic", evidence)
                : new Problem(FindingCode.PORT_UNREACHABLE, where + " refused the TCP connection ("
                + attempts.size() + " attempts): viewers get 502 (Bad Gateway)", evidence);
    }

    /**
     * The origin's name resolved, but to no address of the family CloudFront connects with ({@code onlyFamily}:
     * IpAddressType ipv4 or ipv6): CloudFront cannot reach it at all.
     *
     * @param resolved every address the name resolved to (all of the other family)
     */
    static Problem noAddressInFamily(ProbeTarget target, List<InetAddress> resolved) {
        String family = target.addressFamily().label();
        return Problem.of(FindingCode.DNS_NO_ADDRESS_IN_FAMILY, "origin domain name " + target.host() + " has no "
                        + family + " address (no " + target.addressFamily().dnsRecord() + " record), and CloudFront "
                        + "connects to this origin over " + family + " only (IpAddressType): viewers get 502")
                .withEvidence("addressFamily", family)
                .withEvidence("resolved", addresses(resolved));
    }

    /**
     * The checker itself has no route to the family of this connection (e.g. IPv6 from a Lambda outside a dual-stack
     * VPC): what CloudFront sees was not checked. Not a finding about the origin.
     */
    static Problem familyNotRoutedFromChecker(ProbeTarget target, List<InetAddress> addresses) {
        String family = target.addressFamily().label();
        return Problem.of(FindingCode.CHECKER_NO_ROUTE_TO_FAMILY, "CloudFront connects to this origin over " + family
                        + ", but the checker has no " + family + " route here, so this connection was not checked "
                        + "(this says nothing about the origin)")
                .withEvidence("addressFamily", family)
                .withEvidence("addresses", addresses(addresses));
    }

    /** The connection broke between connecting and the first TLS or HTTP byte. */
    static Problem connectionLost(IOException e) {
        return Problem.of(FindingCode.PORT_UNREACHABLE, "the connection failed right after it was opened: "
                + e.getMessage());
    }

    /** What every TLS finding starts from: the SNI and what CloudFront's ClientHello offered. */
    static Map<String, String> offerEvidence(ProbeTarget target, TlsOffer offer) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("sni", target.sni().orElse("(none)"));
        evidence.put("offeredVersions", TlsNames.versions(offer.versions().reversed()));
        evidence.put("offeredCipherSuites", TlsNames.cipherSuites(offer.cipherSuites()));
        return evidence;
    }

    /**
     * @param handshakeTimeout what bounded the handshake ({@link OriginProber#handshakeTimeout})
     * @param offerEvidence    {@link #offerEvidence}
     */
    static Problem handshakeTimedOut(ProbeTarget target, Duration handshakeTimeout, Map<String, String> offerEvidence,
                                     HandshakeOutcome.TimedOut timedOut) {
        Map<String, String> evidence = new LinkedHashMap<>(offerEvidence);
        evidence.put("received", timedOut.description());
        return new Problem(FindingCode.TLS_HANDSHAKE_TIMEOUT, "TLS handshake with " + target.host() + ":"
                + target.port() + " not complete after " + Durations.human(handshakeTimeout)
                + " (bounded by ConnectionTimeout)", evidence);
    }

    /** The origin sent more than any real handshake needs; the checker stopped reading there. */
    static Problem handshakeOverrun(Map<String, String> offerEvidence, TlsRecordMeter.Tally tally) {
        Map<String, String> evidence = new LinkedHashMap<>(offerEvidence);
        evidence.putAll(overrunEvidence(tally));
        return new Problem(FindingCode.TLS_HANDSHAKE_FAILED, overrun(tally) + " without completing it: more than "
                + tally.bound().orElseThrow() + ", which no real handshake needs (they take a few KiB in about ten "
                + "records); the checker stopped reading there. AWS documents no limit of CloudFront's own", evidence);
    }

    /** "the origin sent 9225 bytes in 1025 records during the TLS handshake (ServerHello 1, HelloRequest 1024)". */
    private static String overrun(TlsRecordMeter.Tally tally) {
        return "the origin sent " + tally.bytes() + " bytes in " + tally.recordCount() + " records "
                + tally.phase().when() + " (" + counted(tally.messages().isEmpty() ? tally.records()
                : tally.messages()) + ")";
    }

    /** What an origin that passed a {@link TlsRecordMeter} bound sent, for a follow-up handshake's evidence. */
    static String overrunSummary(TlsRecordMeter.Tally tally) {
        return overrun(tally) + ": more than " + tally.bound().orElseThrow();
    }

    private static Map<String, String> overrunEvidence(TlsRecordMeter.Tally tally) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("receivedBytes", String.valueOf(tally.bytes()));
        evidence.put("receivedRecords", String.valueOf(tally.recordCount()));
        evidence.put("recordTypes", counted(tally.records()));
        if (!tally.messages().isEmpty()) {
            evidence.put("messagesInClear", counted(tally.messages()));
        }
        evidence.put("boundPassed", tally.bound().orElseThrow() + " " + tally.phase().when());
        return evidence;
    }

    /** "handshake 1, alert 1024". */
    private static String counted(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * How far a connection got when the run's deadline cut it: what had happened, what had not yet, and the
     * CloudFront setting whose wait was cut.
     */
    enum DeadlineStage {
        CONNECTING("resolved the name", "no TCP connection", "ConnectionAttempts × ConnectionTimeout"),
        HANDSHAKING("connected", "TLS handshake not complete", "ConnectionTimeout"),
        AWAITING_RESPONSE("connected", "no response", "OriginReadTimeout"),
        AWAITING_RESPONSE_AFTER_HANDSHAKE("connected and handshook", "no response", "OriginReadTimeout");

        private final String done;
        private final String missing;
        private final String setting;

        DeadlineStage(String done, String missing, String setting) {
            this.done = done;
            this.missing = missing;
            this.setting = setting;
        }
    }

    /**
     * NOT_CHECKED_DEADLINE for a connection the run's deadline cut short: a wait CloudFront would have made longer
     * ran out, so nothing is concluded about the origin, e.g. "not checked: connected and handshook, no response
     * within the 2.1 s the run's deadline left (OriginReadTimeout 30 s)".
     *
     * @param left       what the deadline left for the wait that was cut (zero: it was not started)
     * @param configured the wait CloudFront makes
     */
    static Problem cutByDeadline(ProbeTarget target, DeadlineStage stage, Duration left, Duration configured) {
        String cut = left.isZero() ? stage.done + "; the run's deadline left no time for more"
                : stage.done + ", " + stage.missing + " within the " + Durations.human(left) + " the run's deadline left";
        return Problem.of(FindingCode.NOT_CHECKED_DEADLINE, "not checked: " + cut + " (" + stage.setting + " "
                        + Durations.human(configured) + ")")
                .withEvidence("connection", target.host() + ":" + target.port())
                .withEvidence("progress", stage.done)
                .withEvidence("deadlineLeft", Durations.human(left))
                .withEvidence(stage.setting, Durations.human(configured));
    }

    /** {@link #cutByDeadline} while connecting, with the attempts that were made. */
    static Problem connectCutByDeadline(ProbeTarget target, TcpConnector.NotConnected failed, Duration left) {
        Problem problem = cutByDeadline(target, DeadlineStage.CONNECTING, left, OriginProber.connectBudget(target))
                .withEvidence("attempts", failed.attempts().size() + " of " + target.connectionAttempts());
        for (int i = 0; i < failed.attempts().size(); i++) {
            problem = problem.withEvidence("attempt" + (i + 1), failed.attempts().get(i).describe(target.port()));
        }
        return problem;
    }

    /**
     * CloudFront's handshake failed, and the run's deadline left less time than the follow-up handshakes that say
     * why may take: {@code TLS_HANDSHAKE_FAILED} with how it failed, unexplained.
     */
    static Problem undiagnosed(HandshakeOutcome.Failed failure, Map<String, String> offerEvidence, Duration left,
                               Duration budget) {
        Map<String, String> facts = new LinkedHashMap<>(offerEvidence);
        facts.put("cloudFrontHandshake", failure.description());
        facts.put("diagnosis", "not run: the run's deadline left " + Durations.human(left) + ", less than the "
                + Durations.human(budget) + " it may take");
        return handshakeFailed(failure, facts);
    }

    /** NOT_CHECKED_DEADLINE for a connection whose turn came after the run's deadline: nothing was done. */
    static Problem notStarted(ProbeTarget target) {
        return Problem.of(FindingCode.NOT_CHECKED_DEADLINE, "not checked: the run's deadline had passed before this "
                        + "connection's turn came")
                .withEvidence("progress", "not started")
                .withEvidence("deadlineLeft", Durations.human(Duration.ZERO))
                .withEvidence("host", target.host());
    }

    /** {@code TLS_DEPRECATED_PROTOCOL} when the completed handshake settled on TLS 1.0 or 1.1. */
    static Optional<Problem> deprecatedProtocol(ProbeTarget target, HandshakeOutcome.Completed done) {
        if (!done.version().isDeprecated()) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(FindingCode.TLS_DEPRECATED_PROTOCOL, "the origin negotiated "
                        + done.version().apiName() + " with CloudFront's offer")
                .withEvidence("offeredVersions", TlsNames.versions(target.tlsVersions()))
                .withEvidence("negotiated", done.version().apiName() + " " + TlsNames.cipherSuite(done.cipherSuite())));
    }

    /**
     * After the handshake, the origin sent more records other than application data, or more bytes, than any response
     * head needs: {@code HTTP_INVALID_RESPONSE}.
     */
    static Problem responseOverrun(ProbeTarget target, TlsRecordMeter.Tally tally) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("request", HttpExchange.requestLine(target));
        evidence.putAll(overrunEvidence(tally));
        return new Problem(FindingCode.HTTP_INVALID_RESPONSE, overrun(tally) + " without completing a response "
                + "head to " + HttpExchange.requestLine(target) + ": more than " + tally.bound().orElseThrow()
                + ", which no real response needs; the checker stopped reading there. CloudFront would likely "
                + "answer 502", evidence);
    }

    /** The finding an HTTP exchange leads to, if any: a response below 500 with a head of sane size is fine. */
    static Optional<Problem> http(ProbeTarget target, HttpOutcome outcome) {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("request", HttpExchange.requestLine(target));
        evidence.put("headersSent", String.join(", ", HttpExchange.headerNamesSent(target)));
        return switch (outcome) {
            case HttpOutcome.Response response when response.truncated() ->
                    Optional.of(oversizedHead(target, response, evidence));
            case HttpOutcome.Response response when response.status() >= 500 ->
                    Optional.of(serverError(target, response, evidence));
            case HttpOutcome.Response fine -> Optional.empty();
            case HttpOutcome.TimedOut timedOut -> Optional.of(readTimeout(target, timedOut, evidence));
            case HttpOutcome.Invalid invalid -> Optional.of(answerNotHttp(target, invalid, evidence));
        };
    }

    private static Problem serverError(ProbeTarget target, HttpOutcome.Response response,
                                       Map<String, String> evidence) {
        evidence.put("statusLine", response.statusLine());
        return new Problem(FindingCode.HTTP_5XX, "the origin answered '" + response.statusLine() + "' to "
                + HttpExchange.requestLine(target) + " (Host: " + target.hostHeader() + ")", evidence);
    }

    private static Problem readTimeout(ProbeTarget target, HttpOutcome.TimedOut timedOut,
                                       Map<String, String> evidence) {
        evidence.put("originReadTimeout", Durations.human(target.readTimeout()));
        evidence.put("received", timedOut.description());
        return new Problem(FindingCode.ORIGIN_READ_TIMEOUT, "no response to " + HttpExchange.requestLine(target)
                + " within OriginReadTimeout " + Durations.human(target.readTimeout())
                + ": CloudFront would answer 504", evidence);
    }

    /**
     * Decision: a response head longer than {@link HttpExchange#MAX_RESPONSE_HEAD_BYTES} is an invalid response
     * (ERROR). AWS documents no limit on origin response headers, but proxies reject heads far smaller than this.
     */
    private static Problem oversizedHead(ProbeTarget target, HttpOutcome.Response response,
                                         Map<String, String> evidence) {
        evidence.put("statusLine", response.statusLine());
        evidence.put("responseHead", "longer than " + HttpExchange.MAX_RESPONSE_HEAD_BYTES
                + " bytes; reading stopped there");
        return new Problem(FindingCode.HTTP_INVALID_RESPONSE, "the origin answered '" + response.statusLine()
                + "' to " + HttpExchange.requestLine(target) + " with a response head (status line and headers) "
                + "longer than " + HttpExchange.MAX_RESPONSE_HEAD_BYTES + " bytes; AWS documents no limit, but a "
                + "head this large is far beyond what proxies accept: CloudFront would likely answer 502",
                evidence);
    }

    /**
     * Decision: an answer that is not HTTP (garbage, or a hang-up without a status line) is
     * {@link FindingCode#HTTP_INVALID_RESPONSE} (ERROR): CloudFront answers 502 to it, and no other code fits.
     */
    private static Problem answerNotHttp(ProbeTarget target, HttpOutcome.Invalid invalid,
                                         Map<String, String> evidence) {
        evidence.put("received", invalid.description());
        return new Problem(FindingCode.HTTP_INVALID_RESPONSE, "the origin did not answer "
                + HttpExchange.requestLine(target) + " with an HTTP response: " + invalid.description()
                + "; CloudFront would answer 502", evidence);
    }

    // What the TLS diagnosis concluded (TlsDiagnosis). facts: the offer evidence and what each follow-up showed.

    /** {@code TLS_HANDSHAKE_FAILED}, saying only how CloudFront's own handshake failed. */
    static Problem handshakeFailed(HandshakeOutcome.Failed failure, Map<String, String> facts) {
        return new Problem(FindingCode.TLS_HANDSHAKE_FAILED, failure.description(), facts);
    }

    /** No follow-up handshake got a ServerHello, whatever it offered. */
    static Problem noServerHelloToAnyOffer(HandshakeOutcome.Failed failure, Map<String, String> facts) {
        return new Problem(FindingCode.TLS_HANDSHAKE_FAILED, failure.description()
                + "; the origin completed no ServerHello with any TLS version and suite the checker can offer", facts);
    }

    /**
     * @param spoken  the versions the origin answered with a ServerHello
     * @param offered CloudFront's offer that failed
     */
    static Problem noCommonProtocol(List<TlsVersion> spoken, TlsOffer offered, Map<String, String> facts) {
        return new Problem(FindingCode.TLS_NO_COMMON_PROTOCOL, "origin speaks only " + TlsNames.versions(spoken)
                + "; CloudFront offers " + TlsNames.versions(offered.versions().reversed()) + " (OriginSslProtocols)",
                facts);
    }

    /**
     * The origin rejected CloudFront's offer with an alert, but picked one of CloudFront's suites when offered every
     * curve and signature scheme.
     *
     * @param cipherSuite the suite it picked then
     */
    static Problem needsACurveOrSignatureNotOffered(HandshakeOutcome.Failed failure, int cipherSuite,
                                                    TlsVersion version, Map<String, String> facts) {
        return new Problem(FindingCode.TLS_HANDSHAKE_FAILED, failure.description() + "; the origin accepts "
                + TlsNames.cipherSuite(cipherSuite) + " at " + version.apiName()
                + " when offered more curves or signature schemes than CloudFront's (X25519, P-256, P-384; "
                + "RSA PKCS#1 and ECDSA): the origin likely needs one CloudFront does not offer", facts);
    }

    /**
     * @param accepted the suites the origin accepts at {@code version}, none of them CloudFront's
     * @param complete false when the enumeration stopped before the origin's list ended
     */
    static Problem noCommonCipher(List<Integer> accepted, boolean complete, TlsVersion version,
                                  Map<String, String> facts) {
        return new Problem(FindingCode.TLS_NO_COMMON_CIPHER, "origin accepts only " + TlsNames.cipherSuites(accepted)
                + (complete ? "" : " (and maybe more)") + " at " + version.apiName()
                + "; CloudFront offers none of them", facts);
    }

    /** The diagnosis ran out of time: {@code problem} is what it knew by then. */
    static Problem diagnosisStopped(Problem problem, Duration budget) {
        return problem.withEvidence("diagnosis", "stopped: its time budget of " + Durations.human(budget)
                + " was spent");
    }
}

package dev.cfoc.check;

import dev.cfoc.cert.CertificateRules;
import dev.cfoc.cert.TrustAnchorException;
import dev.cfoc.cert.TrustAnchors;
import dev.cfoc.config.Distribution;
import dev.cfoc.firewall.Firewall;
import dev.cfoc.plan.Planner;
import dev.cfoc.plan.PolicyCatalog;
import dev.cfoc.probe.AddressPolicy;
import dev.cfoc.probe.CheckerNetwork;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import dev.cfoc.probe.OriginProber;
import dev.cfoc.probe.ProbeListener;
import dev.cfoc.probe.ProbeRunner;
import dev.cfoc.probe.Redaction;
import dev.cfoc.probe.RouteCheck;
import dev.cfoc.report.Report;
import dev.cfoc.report.Summary;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine every trigger runs (CLI check and demo, the Lambda, SnapStart priming), assembled in one place from its
 * settings: trust anchors (Mozilla's plus added roots), the expiry warning, how names resolve, the clock and an
 * optional probe listener. Built once ({@link #builder()}); each {@link #check} is one run with its own DNS cache.
 * A new engine setting is one method of {@link Builder} and its use in {@link #check}.
 */
public final class Engine {

    private final CertificateRules rules;
    private final Report.TrustAnchorsNote trustAnchors;
    private final HostResolver resolver;
    private final ProbeListener listener;
    private final Clock clock;
    private final Firewall firewall;
    private final AddressPolicy addressPolicy;

    private Engine(Builder builder) {
        TrustAnchors anchors = builder.addedRoots.isEmpty() ? TrustAnchors.mozilla()
                : TrustAnchors.mozilla().plus(builder.addedRoots);
        this.rules = new CertificateRules(anchors, builder.expiryWarning, builder.clock);
        this.trustAnchors = Report.TrustAnchorsNote.of(anchors);
        this.resolver = builder.resolver;
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.firewall = builder.firewall;
        this.addressPolicy = builder.allowPrivateOrigins ? AddressPolicy.allowPrivate()
                : AddressPolicy.publicOnly(builder.checkerNetwork
                .orElseGet(() -> CheckerNetwork.detect(builder.firewall.insideVpc())));
    }

    /**
     * Mozilla's roots, the default expiry warning, the system's DNS and clock, no listener, public origin addresses
     * only (the checker's network detected), until told otherwise.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One run: plans every distribution, probes every connection of the run at once (names resolved at most once),
     * and reports. Every connection that has time left starts, its waits capped to what {@code deadline} leaves; one
     * that runs out of time is reported as NOT_CHECKED_DEADLINE, saying how far it got. Every custom header value of
     * {@code distributions} is redacted from the report and from an exception thrown ({@link Redaction#of}: one
     * redaction for the whole run).
     */
    public Report check(List<Distribution> distributions, PolicyCatalog policies, Deadline deadline) {
        Redaction redaction = Redaction.of(distributions);
        try {
            HostResolver runResolver = HostResolver.cached(resolver);
            var prober = new OriginProber(runResolver, rules.forRun(), addressPolicy, RouteCheck.SYSTEM, redaction);
            Report report = new Checker(new Planner(), new ProbeRunner(prober, listener), clock).check(distributions,
                    policies, trustAnchors, deadline, firewall.start(runResolver));
            return new ReportRedaction(redaction).apply(report);
        } catch (RuntimeException e) {
            throw redaction.redact(e);
        }
    }

    /** The report of a run that checked nothing (e.g. an event that asks for nothing). */
    public Report emptyReport() {
        return new Report(clock.instant(), trustAnchors, List.of(), new Summary(0, 0, 0, 0, 0));
    }

    /** What certificates are checked against, as every report of this engine says it. */
    public Report.TrustAnchorsNote trustAnchors() {
        return trustAnchors;
    }

    /** The engine's settings; {@link #build()} makes an engine of them. */
    public static final class Builder {

        private final List<X509Certificate> addedRoots = new ArrayList<>();
        private Duration expiryWarning = CertificateRules.DEFAULT_EXPIRY_WARNING;
        private HostResolver resolver = HostResolver.system();
        private Clock clock = Clock.systemUTC();
        private ProbeListener listener = ProbeListener.NONE;
        private Firewall firewall = Firewall.off();
        private boolean allowPrivateOrigins;
        private Optional<CheckerNetwork> checkerNetwork = Optional.empty();

        private Builder() {
        }

        /** Roots to trust on top of Mozilla's (private PKI, the demo's): the report says CloudFront does NOT trust them. */
        public Builder addRoots(List<X509Certificate> roots) {
            addedRoots.addAll(roots);
            return this;
        }

        /**
         * The roots of a PEM file, as {@link #addRoots}; read now.
         *
         * @throws TrustAnchorException naming the file and what is wrong with it
         */
        public Builder addRootsFrom(Path pem) throws TrustAnchorException {
            return addRoots(TrustAnchors.readPem(pem));
        }

        /** CERT_EXPIRING_SOON when a certificate expires within this (0 or more). */
        public Builder expiryWarning(Duration threshold) {
            this.expiryWarning = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /** How origin names resolve: the system's in production, a fixed table for the demo, priming and tests. */
        public Builder resolver(HostResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Told when each probe starts and finishes (progress on a terminal). */
        public Builder listener(ProbeListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Whether the origins' security groups are read and judged, and VPC origins probed (default: off, nothing
         * said); {@link Firewall#notChecked} makes every report say why there is no firewall check.
         */
        public Builder firewall(Firewall firewall) {
            this.firewall = Objects.requireNonNull(firewall, "firewall");
            return this;
        }

        /**
         * Also probe origins whose names resolve to loopback, link-local or private addresses, which CloudFront cannot
         * reach (labs, tests and the demo only: {@code --allow-private-origins}, {@code ALLOW_PRIVATE_ORIGINS=true}).
         * Off by default: such a name is ORIGIN_NOT_PUBLIC and no connection is made.
         */
        public Builder allowPrivateOrigins(boolean allow) {
            this.allowPrivateOrigins = allow;
            return this;
        }

        /**
         * Where the checker runs, which decides how a private answer is reported (inside a private network it may be
         * private DNS); detected ({@link CheckerNetwork#detect()}) when the engine is built, unless given here.
         */
        public Builder checkerNetwork(CheckerNetwork network) {
            this.checkerNetwork = Optional.of(Objects.requireNonNull(network, "network"));
            return this;
        }

        /** @throws IllegalArgumentException when the expiry warning is negative */
        public Engine build() {
            return new Engine(this);
        }
    }
}

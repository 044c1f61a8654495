package dev.cfoc.firewall;

import dev.cfoc.config.Distribution;
import dev.cfoc.config.Origin;
import dev.cfoc.config.OriginType;
import dev.cfoc.finding.Finding;
import dev.cfoc.plan.VpcOrigins;
import dev.cfoc.probe.HostResolver;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's firewall setting (docs/cloudfront-rules.md#origin-facing-addresses): whether the origins' security
 * groups are read and judged, and whether VPC origins can be probed. One per engine; {@link #start} makes the
 * per-run state (its cache of what the account said).
 */
public final class Firewall {

    private final Optional<AccountNetwork> network;
    private final DnsNames dns;
    private final boolean insideVpc;
    private final List<String> checkerGroups;
    private final Optional<String> notCheckedNote;

    private Firewall(Optional<AccountNetwork> network, DnsNames dns, boolean insideVpc, List<String> checkerGroups,
                     Optional<String> notCheckedNote) {
        this.network = network;
        this.dns = dns;
        this.insideVpc = insideVpc;
        this.checkerGroups = List.copyOf(checkerGroups);
        this.notCheckedNote = notCheckedNote;
    }

    /** The checker is known to run inside a VPC (the function's subnets, {@code --probe-vpc-origins}). */
    public boolean insideVpc() {
        return insideVpc;
    }

    /** No firewall check and nothing said about it (the demo, tests of other things). */
    public static Firewall off() {
        return new Firewall(Optional.empty(), DnsNames.none(), false, List.of(), Optional.empty());
    }

    /** No firewall check, and every report says so once, with {@code why}: a run note. */
    public static Firewall notChecked(String why) {
        return new Firewall(Optional.empty(), DnsNames.none(), false, List.of(), Optional.of(why));
    }

    /**
     * Security groups read from the account through {@code network}.
     *
     * @param dns       CNAME and PTR lookups that lead from origin names to AWS resources
     * @param insideVpc the checker runs inside a VPC: VPC origins are resolved and probed
     */
    public static Firewall checked(AccountNetwork network, DnsNames dns, boolean insideVpc) {
        return checked(network, dns, insideVpc, List.of());
    }

    /** @param checkerGroups the checker's own security groups (inside a VPC), named in how to let it in */
    public static Firewall checked(AccountNetwork network, DnsNames dns, boolean insideVpc,
                                   List<String> checkerGroups) {
        return new Firewall(Optional.of(network), dns, insideVpc, checkerGroups, Optional.empty());
    }

    /** One run's firewall state. @param resolver the run's resolver (shared with the probes) */
    public Run start(HostResolver resolver) {
        return new Run(network.map(api -> new FirewallInspector(api, dns, resolver)));
    }

    /** One run: the VPC origins before planning, the origins' firewalls while the probes run. */
    public final class Run {

        private final Optional<FirewallInspector> inspector;

        private Run(Optional<FirewallInspector> inspector) {
            this.inspector = inspector;
        }

        /** The VPC origins of {@code distributions}: resolved when the checker runs inside a VPC. */
        public VpcOrigins vpcOrigins(List<Distribution> distributions) {
            if (!insideVpc || inspector.isEmpty()) {
                return VpcOrigins.outsideVpc();
            }
            List<String> ids = distributions.stream().flatMap(d -> d.origins().stream())
                    .map(Origin::type).filter(OriginType.Vpc.class::isInstance)
                    .map(t -> ((OriginType.Vpc) t).vpcOriginId()).distinct().toList();
            return inspector.get().vpcOrigins(ids);
        }

        /** Starts reading the firewalls of {@code originNames} (custom origins' domain names) on a thread of its own. */
        public CompletableFuture<FirewallView> inspect(Collection<String> originNames) {
            if (inspector.isEmpty() || originNames.isEmpty()) {
                return CompletableFuture.completedFuture(FirewallView.empty());
            }
            List<String> names = List.copyOf(originNames);
            CompletableFuture<FirewallView> view = new CompletableFuture<>();
            Thread.ofVirtual().name("firewall").start(() -> {
                try {
                    view.complete(inspector.get().inspect(names).withCheckerGroups(checkerGroups));
                } catch (RuntimeException e) { // a bug here must not cost the run its probes
                    inspector.get().failed("reading the origins' firewalls failed: " + e);
                    view.complete(FirewallView.empty());
                }
            });
            return view;
        }

        /** FIREWALL_UNREADABLE when a call failed: once per run, never silent. */
        public List<Finding> runFindings() {
            List<String> failures = inspector.map(FirewallInspector::failures).orElse(List.of());
            return failures.isEmpty() ? List.of() : List.of(Finding.aboutRun(FirewallFindings.unreadable(failures)));
        }

        /** What the report says about the firewall check itself (that there was none, and why). */
        public List<String> notes() {
            return notCheckedNote.stream().toList();
        }
    }
}

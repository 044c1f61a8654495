package dev.cfoc.firewall;

import dev.cfoc.config.OriginProtocolPolicy;
import dev.cfoc.plan.VpcOrigins;
import dev.cfoc.probe.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds, for one run, the AWS resource behind each origin name and reads its firewall: names that are (or resolve
 * through CNAMEs to) an Elastic Load Balancing name lead to the load balancer (ELBv2 DescribeLoadBalancers, matched
 * by DNS name); names whose address's PTR is an EC2 public DNS name, or that CNAME to one, lead to the instance
 * (DescribeInstances by public address or DNS name). Then their security groups and CloudFront's prefix lists of
 * each region involved. Each region's calls are made once per run, batched. A name that leads nowhere is simply not
 * firewall-checked; a failed call is recorded in {@link FirewallView#failures()} and the rest goes on.
 */
public final class FirewallInspector {

    /** What a name led to, before the account was asked. */
    private sealed interface Lead {
        String originName();

        String region();

        String foundBy();
    }

    private record LoadBalancerLead(String originName, String dnsName, String region, String foundBy) implements Lead {
    }

    private record InstanceLead(String originName, Optional<String> dnsName, Optional<String> publicIp,
                                String region, String foundBy) implements Lead {
    }

    /**
     * Decision: origins looked up in DNS at once. Each lookup is a few small queries; thousands at once would flood the
     * resolver (a VPC's resolver limits each network interface to 1,024 packets per second).
     */
    static final int PARALLEL_LOOKUPS = 32;
    /** Decision: PTR queries per origin name: the first addresses tell whether it is an instance of the account. */
    static final int MAX_PTR_LOOKUPS = 4;

    private final AccountNetwork api;
    private final DnsNames dns;
    private final Semaphore lookups = new Semaphore(PARALLEL_LOOKUPS);
    private final HostResolver resolver;
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /** @param resolver the run's resolver (the probe's, so a name is resolved once per run) */
    public FirewallInspector(AccountNetwork api, DnsNames dns, HostResolver resolver) {
        this.api = api;
        this.dns = dns;
        this.resolver = resolver;
    }

    /** The resources behind {@code originNames} (domain names of custom origins), their groups and prefix lists. */
    public FirewallView inspect(Collection<String> originNames) {
        Set<String> names = new LinkedHashSet<>();
        originNames.stream().map(AwsHostNames::normalise).filter(n -> !AwsHostNames.isSpecialUse(n))
                .forEach(names::add);
        List<Lead> leads = concurrently(List.copyOf(names), this::locateGated).stream().flatMap(Optional::stream)
                .toList();
        Map<String, List<Lead>> byRegion = new LinkedHashMap<>();
        leads.forEach(lead -> byRegion.computeIfAbsent(lead.region(), r -> new ArrayList<>()).add(lead));

        Map<String, OriginResource> resources = new ConcurrentHashMap<>();
        Map<String, CloudFrontPrefixLists> lists = new ConcurrentHashMap<>();
        concurrently(List.copyOf(byRegion.entrySet()), entry -> {
            String region = entry.getKey();
            inRegion(region, entry.getValue()).forEach(r -> resources.put(r.getKey(), r.getValue()));
            lists.put(region, prefixLists(region));
            return true;
        });
        return new FirewallView(resources, lists, failures);
    }

    /** The endpoints of {@code vpcOriginIds} (the checker runs inside a VPC). */
    public VpcOrigins vpcOrigins(Collection<String> vpcOriginIds) {
        Map<String, VpcOrigins.Endpoint> resolved = new LinkedHashMap<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(vpcOriginIds)) {
            try {
                resolved.put(id, endpoint(api.vpcOrigin(id)));
            } catch (NetworkApiException e) {
                failures.add(e.operation() + " " + id + ": " + e.reason());
                unresolved.put(id, e.operation() + " failed: " + e.reason());
            } catch (IllegalArgumentException e) {
                unresolved.put(id, e.getMessage());
            }
        }
        return new VpcOrigins(true, resolved, unresolved);
    }

    /** Records a failure that is not one call's (a bug in this check): reported like the failed calls. */
    void failed(String what) {
        failures.add(what);
    }

    /** The calls that failed so far, one line each. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private Optional<Lead> locateGated(String name) {
        try {
            lookups.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return locate(name);
        } finally {
            lookups.release();
        }
    }

    private Optional<Lead> locate(String name) {
        Optional<Lead> direct = lead(name, name, "origin domain name " + name);
        if (direct.isPresent()) {
            return direct;
        }
        List<String> chain = dns.cnameChain(name);
        String path = name;
        for (String hop : chain) {
            path += " -> " + hop;
            Optional<Lead> viaCname = lead(name, hop, "CNAME " + path);
            if (viaCname.isPresent()) {
                return viaCname;
            }
        }
        String last = chain.isEmpty() ? name : chain.getLast();
        List<InetAddress> publicIpv4 = addresses(last).stream().filter(a -> a.getAddress().length == 4
                && !FirewallJudge.isPrivateUse(Cidr.parse(a.getHostAddress()))).limit(MAX_PTR_LOOKUPS).toList();
        for (InetAddress address : publicIpv4) {
            Optional<AwsHostNames.InstanceName> instance = dns.reverse(address).flatMap(AwsHostNames::instance);
            if (instance.isPresent()) {
                return Optional.of(new InstanceLead(name, Optional.empty(), Optional.of(address.getHostAddress()),
                        instance.get().region(), "address " + address.getHostAddress() + " of " + last + " (PTR "
                        + instance.get().dnsName() + ")"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Lead> lead(String originName, String name, String foundBy) {
        Optional<Lead> loadBalancer = AwsHostNames.loadBalancer(name)
                .map(lb -> new LoadBalancerLead(originName, lb.dnsName(), lb.region(), foundBy));
        return loadBalancer.or(() -> AwsHostNames.instance(name).map(i -> new InstanceLead(originName,
                Optional.of(i.dnsName()), Optional.empty(), i.region(), foundBy)));
    }

    private List<InetAddress> addresses(String name) {
        try {
            return resolver.resolve(name);
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** A resource a lead matched in the account, before its groups are read. */
    private record Candidate(Lead lead, String kind, String id, String name, List<String> groupIds) {
    }

    /** The resources of one region's leads: origin name → resource. */
    private List<Map.Entry<String, OriginResource>> inRegion(String region, List<Lead> leads) {
        List<Candidate> candidates = new ArrayList<>();
        List<LoadBalancerLead> lbLeads = leads.stream().filter(LoadBalancerLead.class::isInstance)
                .map(LoadBalancerLead.class::cast).toList();
        if (!lbLeads.isEmpty()) {
            Map<String, AccountNetwork.LoadBalancer> byDns = new LinkedHashMap<>();
            call(region, () -> api.loadBalancers(region))
                    .orElse(List.of()).forEach(lb -> byDns.put(AwsHostNames.normalise(lb.dnsName()), lb));
            for (LoadBalancerLead lead : lbLeads) {
                AccountNetwork.LoadBalancer lb = byDns.get(lead.dnsName());
                if (lb != null && !lb.securityGroupIds().isEmpty()) { // an NLB without groups: its targets' decide
                    candidates.add(new Candidate(lead, lb.type() + " load balancer", lb.arn(), lb.name(),
                            lb.securityGroupIds()));
                }
            }
        }
        List<InstanceLead> instanceLeads = leads.stream().filter(InstanceLead.class::isInstance)
                .map(InstanceLead.class::cast).toList();
        if (!instanceLeads.isEmpty()) {
            List<String> ips = instanceLeads.stream().flatMap(l -> l.publicIp().stream()).distinct().toList();
            List<String> dnsNames = instanceLeads.stream().flatMap(l -> l.dnsName().stream()).distinct().toList();
            List<AccountNetwork.Instance> instances = call(region,
                    () -> api.instances(region, ips, dnsNames)).orElse(List.of());
            for (InstanceLead lead : instanceLeads) {
                instances.stream().filter(i -> matches(i, lead)).findFirst()
                        .filter(i -> !i.securityGroupIds().isEmpty()) // nothing to judge, as for an NLB without groups
                        .ifPresent(i -> candidates.add(
                        new Candidate(lead, "EC2 instance", i.id(), i.id(), i.securityGroupIds())));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> groupIds = candidates.stream().flatMap(c -> c.groupIds().stream()).distinct().toList();
        Map<String, SecurityGroup> groups = new LinkedHashMap<>();
        call(region, () -> api.securityGroups(region, groupIds))
                .ifPresent(read -> read.forEach(g -> groups.put(g.id(), g)));
        var found = new ArrayList<Map.Entry<String, OriginResource>>();
        for (Candidate c : candidates) {
            List<SecurityGroup> read = c.groupIds().stream().map(groups::get).filter(g -> g != null).toList();
            if (read.size() == c.groupIds().size()) { // judged only with every group read
                found.add(Map.entry(c.lead().originName(), new OriginResource(c.kind(), c.id(), c.name(), region,
                        c.lead().foundBy(), read)));
            }
        }
        return found;
    }

    private static boolean matches(AccountNetwork.Instance instance, InstanceLead lead) {
        return lead.publicIp().isPresent() && lead.publicIp().equals(instance.publicIp())
                || lead.dnsName().isPresent() && instance.publicDnsName().map(AwsHostNames::normalise)
                .equals(lead.dnsName());
    }

    private CloudFrontPrefixLists prefixLists(String region) {
        List<PrefixList> lists = call(region,
                () -> api.prefixLists(region, CloudFrontPrefixLists.NAMES)).orElse(List.of());
        List<PrefixList> withEntries = lists.stream().map(list -> call(region,
                () -> api.prefixListEntries(region, list.id())).map(list::withEntries).orElse(list)).toList();
        return CloudFrontPrefixLists.of(withEntries);
    }

    private <T> Optional<T> call(String region, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NetworkApiException e) {
            failures.add(e.operation() + " in " + region + ": " + e.reason());
            return Optional.empty();
        }
    }

    private VpcOrigins.Endpoint endpoint(AccountNetwork.VpcOrigin origin) {
        String[] arn = origin.endpointArn().split(":", 6);
        if (arn.length != 6 || !arn[0].equals("arn")) {
            throw new IllegalArgumentException("VPC origin " + origin.id() + ": endpoint " + origin.endpointArn()
                    + " is not an ARN");
        }
        String service = arn[2];
        String region = arn[3];
        String resource = arn[5];
        String privateHost;
        if (service.equals("elasticloadbalancing")) {
            privateHost = api.loadBalancersByArn(region, List.of(origin.endpointArn())).stream().findFirst()
                    .map(AccountNetwork.LoadBalancer::dnsName)
                    .orElseThrow(() -> new IllegalArgumentException("VPC origin " + origin.id() + ": load balancer "
                            + origin.endpointArn() + " not found"));
        } else if (service.equals("ec2") && resource.startsWith("instance/")) {
            String instanceId = resource.substring("instance/".length());
            privateHost = api.instancesById(region, List.of(instanceId)).stream().findFirst()
                    .flatMap(i -> i.privateIp().or(i::privateDnsName))
                    .orElseThrow(() -> new IllegalArgumentException("VPC origin " + origin.id() + ": instance "
                            + instanceId + " not found or without a private address"));
        } else {
            throw new IllegalArgumentException("VPC origin " + origin.id() + ": endpoint " + origin.endpointArn()
                    + " is neither a load balancer nor an EC2 instance");
        }
        return new VpcOrigins.Endpoint(origin.id(), origin.endpointArn(), privateHost, origin.httpPort(),
                origin.httpsPort(), protocolPolicy(origin), origin.sslProtocols());
    }

    private static OriginProtocolPolicy protocolPolicy(AccountNetwork.VpcOrigin origin) {
        for (OriginProtocolPolicy policy : OriginProtocolPolicy.values()) {
            if (policy.apiValue().equals(origin.protocolPolicy())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("VPC origin " + origin.id() + ": unknown OriginProtocolPolicy '"
                + origin.protocolPolicy() + "'");
    }

    /** Runs {@code work} on every item at once (virtual threads) and returns the answers in order. */
    private static <I, O> List<O> concurrently(List<I> items, Function<I, O> work) {
        if (items.size() <= 1) {
            return items.stream().map(work).toList();
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<O>> futures = items.stream().map(i -> executor.submit(() -> work.apply(i))).toList();
            List<O> answers = new ArrayList<>();
            for (Future<O> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the origins' firewalls", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}

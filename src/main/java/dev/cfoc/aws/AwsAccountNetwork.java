package dev.cfoc.aws;

import dev.cfoc.firewall.AccountNetwork;
import dev.cfoc.firewall.Cidr;
import dev.cfoc.firewall.NetworkApiException;
import dev.cfoc.firewall.Permission;
import dev.cfoc.firewall.PrefixList;
import dev.cfoc.firewall.SecurityGroup;
import dev.cfoc.plan.AddressFamily;
import org.w3c.dom.Element;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.VpcOriginEndpointConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link AccountNetwork} over the AWS APIs: EC2 and Elastic Load Balancing v2 through {@link QueryClient} (one per
 * service and region, built on first use), CloudFront's GetVpcOrigin through the SDK's CloudFront client. Lists are
 * read page by page; ids and filter values are sent in batches the APIs accept.
 */
public final class AwsAccountNetwork implements AccountNetwork, AutoCloseable {

    /** Decision: values per filter or id list in one call (EC2 accepts up to 200 filter values). */
    static final int BATCH = 100;
    /** ELBv2 DescribeLoadBalancers: at most 20 ARNs per call, pages of up to 400. */
    static final int ARN_BATCH = 20;
    static final String LB_PAGE_SIZE = "400";
    /** GetManagedPrefixListEntries and DescribeInstances page sizes (their maxima: 100 and 1000). */
    static final String ENTRIES_PAGE_SIZE = "100";
    static final String INSTANCES_PAGE_SIZE = "1000";
    /** Decision: at most this many pages of one listing are read (400 × 50 load balancers): a bound, not a limit. */
    static final int MAX_PAGES = 50;

    private final Supplier<CloudFrontClient> cloudFront;
    private final AwsClientOptions options;
    private final Map<String, String> environment;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Map<String, QueryClient> clients = new ConcurrentHashMap<>();

    /**
     * @param cloudFront  for GetVpcOrigin (asked for on first use)
     * @param options     credentials, the timeouts, and an endpoint for EC2 and ELBv2 alike (tests); empty: standard
     *                    resolution
     * @param environment where AWS_ENDPOINT_URL_EC2, AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 and AWS_ENDPOINT_URL
     *                    are read (the process environment, or the local invoke's)
     * @throws IllegalArgumentException naming the endpoint variable whose value is not a URL
     */
    public AwsAccountNetwork(Supplier<CloudFrontClient> cloudFront, AwsClientOptions options,
                             Map<String, String> environment) {
        this.cloudFront = cloudFront;
        this.options = options;
        this.environment = Map.copyOf(environment);
        for (QueryService service : List.of(QueryService.EC2, QueryService.ELBV2)) {
            service.endpoint(Region.US_EAST_1, options.endpointOverride(), this.environment); // names a bad variable now
        }
        this.credentials = options.credentials().orElseGet(() -> DefaultCredentialsProvider.builder().build());
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(QueryClient.CONNECT_TIMEOUT)
                .socketTimeout(options.apiCallAttemptTimeout()).build();
    }

    @Override
    public List<LoadBalancer> loadBalancers(String region) {
        return pages(elb(region), "DescribeLoadBalancers", Map.of("PageSize", LB_PAGE_SIZE), "NextMarker", "Marker",
                "DescribeLoadBalancersResult", "LoadBalancers", AwsAccountNetwork::loadBalancer);
    }

    @Override
    public List<LoadBalancer> loadBalancersByArn(String region, List<String> arns) {
        return inBatches(arns, ARN_BATCH, batch -> numbered(batch, "LoadBalancerArns.member."),
                parameters -> pages(elb(region), "DescribeLoadBalancers", parameters, "NextMarker", "Marker",
                        "DescribeLoadBalancersResult", "LoadBalancers", AwsAccountNetwork::loadBalancer));
    }

    @Override
    public List<Instance> instances(String region, List<String> publicIps, List<String> publicDnsNames) {
        List<Instance> found = new ArrayList<>(inBatches(publicIps, BATCH, batch -> filter("ip-address", batch),
                parameters -> instances(region, parameters)));
        found.addAll(inBatches(publicDnsNames, BATCH, batch -> filter("dns-name", batch),
                parameters -> instances(region, parameters)));
        return found;
    }

    @Override
    public List<Instance> instancesById(String region, List<String> ids) {
        return inBatches(ids, BATCH, batch -> numbered(batch, "InstanceId."),
                parameters -> instances(region, parameters));
    }

    @Override
    public List<SecurityGroup> securityGroups(String region, List<String> ids) {
        QueryClient ec2 = ec2(region);
        return inBatches(ids, BATCH, batch -> numbered(batch, "GroupId."), parameters ->
                QueryXml.items(ec2.call("DescribeSecurityGroups", parameters), "securityGroupInfo").stream()
                        .map(g -> readable(ec2, "DescribeSecurityGroups", () -> securityGroup(g))).toList());
    }

    @Override
    public List<PrefixList> prefixLists(String region, List<String> names) {
        return pages(ec2(region), "DescribeManagedPrefixLists", filter("prefix-list-name", names), "nextToken",
                "NextToken", null, "prefixListSet", AwsAccountNetwork::prefixList);
    }

    @Override
    public List<Cidr> prefixListEntries(String region, String prefixListId) {
        return pages(ec2(region), "GetManagedPrefixListEntries",
                Map.of("PrefixListId", prefixListId, "MaxResults", ENTRIES_PAGE_SIZE), "nextToken", "NextToken",
                null, "entrySet", entry -> Cidr.parse(QueryXml.text(entry, "cidr").orElse("")));
    }

    @Override
    public VpcOrigin vpcOrigin(String id) {
        try {
            var origin = cloudFront.get().getVpcOrigin(r -> r.id(id)).vpcOrigin();
            VpcOriginEndpointConfig endpoint = origin.vpcOriginEndpointConfig();
            List<String> protocols = endpoint.originSslProtocols() == null ? List.of()
                    : endpoint.originSslProtocols().itemsAsStrings();
            return new VpcOrigin(origin.id(), endpoint.arn(), endpoint.httpPort(), endpoint.httpsPort(),
                    endpoint.originProtocolPolicyAsString(), protocols);
        } catch (SdkException e) {
            throw new NetworkApiException("cloudfront:GetVpcOrigin", SdkFailures.describe(e));
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private List<Instance> instances(String region, Map<String, String> parameters) {
        Map<String, String> paged = new LinkedHashMap<>(parameters);
        if (!parameters.containsKey("InstanceId.1")) {
            paged.put("MaxResults", INSTANCES_PAGE_SIZE); // not allowed together with instance ids
        }
        List<Element> reservations = pages(ec2(region), "DescribeInstances", paged, "nextToken", "NextToken", null,
                "reservationSet", r -> r);
        List<Instance> instances = new ArrayList<>();
        reservations.forEach(r -> QueryXml.items(r, "instancesSet").forEach(i -> instances.add(instance(i))));
        return instances;
    }

    /**
     * Every page of a listing: {@code tokenElement} in the answer is sent back as {@code tokenParameter}.
     *
     * @param result the wrapper element holding the list (ELBv2's {@code …Result}), null when the list is at the root
     */
    private static <T> List<T> pages(QueryClient client, String action, Map<String, String> parameters,
                                     String tokenElement, String tokenParameter, String result, String list,
                                     Function<Element, T> item) {
        List<T> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> request = new LinkedHashMap<>(parameters);
            token.ifPresent(t -> request.put(tokenParameter, t));
            Element answer = client.call(action, request);
            Element holder = result == null ? answer : QueryXml.child(answer, result).orElse(answer);
            QueryXml.items(holder, list).forEach(e -> all.add(readable(client, action, () -> item.apply(e))));
            token = QueryXml.text(holder, tokenElement);
            if (token.isEmpty()) {
                break;
            }
        }
        return all;
    }

    /** An item that cannot be read (a CIDR or port that is not one) fails the call, naming it. */
    private static <T> T readable(QueryClient client, String action, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new NetworkApiException(client.operation(action), "unreadable answer: " + e.getMessage());
        }
    }

    private static LoadBalancer loadBalancer(Element lb) {
        return new LoadBalancer(text(lb, "LoadBalancerArn"), text(lb, "LoadBalancerName"), text(lb, "Type"),
                text(lb, "Scheme"), text(lb, "DNSName"),
                QueryXml.items(lb, "SecurityGroups").stream().map(e -> e.getTextContent().strip()).toList());
    }

    private static Instance instance(Element i) {
        return new Instance(text(i, "instanceId"), QueryXml.text(i, "ipAddress"), QueryXml.text(i, "dnsName"),
                QueryXml.text(i, "privateIpAddress"), QueryXml.text(i, "privateDnsName"),
                QueryXml.items(i, "groupSet").stream().map(g -> text(g, "groupId")).toList());
    }

    private static SecurityGroup securityGroup(Element g) {
        List<Permission> inbound = QueryXml.items(g, "ipPermissions").stream().map(p -> {
            List<Cidr> cidrs = new ArrayList<>();
            QueryXml.items(p, "ipRanges").forEach(r -> QueryXml.text(r, "cidrIp").map(Cidr::parse).ifPresent(cidrs::add));
            QueryXml.items(p, "ipv6Ranges").forEach(r -> QueryXml.text(r, "cidrIpv6").map(Cidr::parse)
                    .ifPresent(cidrs::add));
            List<String> lists = QueryXml.items(p, "prefixListIds").stream()
                    .flatMap(l -> QueryXml.text(l, "prefixListId").stream()).toList();
            List<String> groups = QueryXml.items(p, "groups").stream()
                    .flatMap(l -> QueryXml.text(l, "groupId").stream()).toList();
            return new Permission(text(p, "ipProtocol"), port(p, "fromPort", 0), port(p, "toPort", 65535), cidrs,
                    lists, groups);
        }).toList();
        return new SecurityGroup(text(g, "groupId"), QueryXml.text(g, "groupName").orElse(""), inbound);
    }

    private static PrefixList prefixList(Element list) {
        AddressFamily family = "IPv6".equalsIgnoreCase(QueryXml.text(list, "addressFamily").orElse(""))
                ? AddressFamily.IPV6 : AddressFamily.IPV4;
        return new PrefixList(text(list, "prefixListId"), text(list, "prefixListName"), family, Optional.empty());
    }

    private static int port(Element permission, String name, int absent) {
        return QueryXml.text(permission, name).map(Integer::parseInt).orElse(absent);
    }

    private static String text(Element parent, String name) {
        return QueryXml.text(parent, name).orElse("");
    }

    private static Map<String, String> filter(String name, List<String> values) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("Filter.1.Name", name);
        parameters.putAll(numbered(values, "Filter.1.Value."));
        return parameters;
    }

    /** {@code prefix1=v1&prefix2=v2…}: how the Query protocol spells a list. */
    private static Map<String, String> numbered(List<String> values, String prefix) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            parameters.put(prefix + (i + 1), values.get(i));
        }
        return parameters;
    }

    /** One call per batch of {@code values} (the parameters {@code parametersOf} makes of it), answers joined. */
    private static <T> List<T> inBatches(List<String> values, int size,
                                         Function<List<String>, Map<String, String>> parametersOf,
                                         Function<Map<String, String>, List<T>> call) {
        List<T> found = new ArrayList<>();
        for (List<String> batch : batches(values, size)) {
            found.addAll(call.apply(parametersOf.apply(batch)));
        }
        return found;
    }

    private static List<List<String>> batches(List<String> values, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < values.size(); i += size) {
            batches.add(values.subList(i, Math.min(values.size(), i + size)));
        }
        return batches;
    }

    private QueryClient ec2(String region) {
        return client(QueryService.EC2, region);
    }

    private QueryClient elb(String region) {
        return client(QueryService.ELBV2, region);
    }

    private QueryClient client(QueryService service, String region) {
        try {
            return clients.computeIfAbsent(service.metadataId() + " " + region, key -> new QueryClient(service, region,
                    service.endpoint(Region.of(region), options.endpointOverride(), environment), credentials, http,
                    options.apiCallTimeout()));
        } catch (IllegalArgumentException e) {
            throw new NetworkApiException(service.metadataId() + " endpoint", e.getMessage());
        }
    }
}

package dev.cfoc.finding;

import java.util.EnumSet;
import java.util.Set;

/**
 * The finding catalog: stable codes that users' scripts and filters rely on. docs/findings.md explains each.
 * Never rename a code; add new ones.
 */
public enum FindingCode {
    DNS_UNRESOLVABLE(Severity.ERROR, "Origin domain name does not resolve",
            "Create or fix the DNS record of the origin domain name, or point the origin at a name that resolves."),
    ORIGIN_NOT_PUBLIC(Severity.ERROR, "Origin domain name resolves only to addresses CloudFront cannot reach",
            "Point the origin's public DNS record at a public address (a load balancer, an instance's public IP), or "
                    + "use a VPC origin for a private load balancer or instance; loopback, link-local, private "
                    + "(RFC 1918, CGNAT, unique-local), multicast and reserved addresses cannot be reached from "
                    + "CloudFront's edge."),
    PORT_UNREACHABLE(Severity.ERROR, "Origin refuses connections on the configured port (CloudFront returns 502)",
            "Start the origin server or open the port (security group, firewall, listener) to CloudFront's origin-facing "
                    + "IP ranges (managed prefix list com.amazonaws.global.cloudfront.origin-facing), or fix HTTPPort/HTTPSPort."),
    CONNECT_TIMEOUT(Severity.ERROR, "Origin does not accept TCP connections within ConnectionTimeout (CloudFront returns 504)",
            "Allow CloudFront's origin-facing IP ranges through the firewall/security group, check that the origin is up, "
                    + "or raise ConnectionTimeout (max 10 s) if the origin is just slow to accept."),
    TLS_HANDSHAKE_TIMEOUT(Severity.ERROR, "TLS handshake does not complete within ConnectionTimeout",
            "Check that the port speaks TLS promptly (no proxy or tarpit in front of it) and that the server is not overloaded."),
    TLS_HANDSHAKE_FAILED(Severity.ERROR, "TLS handshake with CloudFront's origin TLS profile fails",
            "Make the port speak TLS 1.2 (or the versions in OriginSslProtocols) with one of CloudFront's origin cipher "
                    + "suites; if it is plain HTTP, set the origin protocol policy to http-only or fix HTTPSPort."),
    TLS_NO_COMMON_PROTOCOL(Severity.ERROR, "Origin speaks none of the TLS versions CloudFront offers",
            "Enable TLS 1.2 on the origin (CloudFront does not speak TLS 1.3 to origins), or add the versions the origin "
                    + "speaks to the origin's OriginSslProtocols."),
    TLS_NO_COMMON_CIPHER(Severity.ERROR, "Origin accepts none of CloudFront's origin cipher suites",
            "Enable an ECDHE-RSA/ECDHE-ECDSA AES-GCM suite (e.g. ECDHE-RSA-AES128-GCM-SHA256) on the origin; "
                    + "CloudFront offers no CHACHA20-POLY1305 and no TLS 1.3 suites to origins."),
    CERT_NAME_MISMATCH(Severity.ERROR, "Origin certificate does not cover the name CloudFront checks",
            "Issue a certificate whose SAN (or CN) covers the origin domain name (or, when Host is forwarded, the Host "
                    + "value), or change the origin domain name to one the certificate covers."),
    CERT_EXPIRED(Severity.ERROR, "A certificate in the origin's chain has expired",
            "Renew the expired certificate and install the full new chain on the origin."),
    CERT_NOT_YET_VALID(Severity.ERROR, "A certificate in the origin's chain is not yet valid",
            "Fix the certificate's notBefore date (or the issuing system's clock), or install the previous valid certificate."),
    CERT_SELF_SIGNED(Severity.ERROR, "Origin certificate is self-signed",
            "Install a certificate issued by a CA in Mozilla's included CA list (e.g. from ACM via a load balancer, or a public CA)."),
    CERT_UNTRUSTED(Severity.ERROR, "Origin certificate chain does not end at a CA CloudFront trusts",
            "Use a certificate from a CA in Mozilla's included CA list; private CAs are not trusted by CloudFront, nor are "
                    + "certificates issued after the date from which Mozilla distrusts their root (get a new one from "
                    + "another CA)."),
    CERT_CHAIN_INCOMPLETE(Severity.ERROR, "Origin does not send the intermediate certificate(s)",
            "Configure the origin to send the full chain (leaf, then intermediates, e.g. fullchain.pem); CloudFront does "
                    + "not fetch missing intermediates."),
    CERT_CHAIN_ORDER(Severity.ERROR, "Origin sends its certificate chain in the wrong order",
            "Send the leaf certificate first, then each certificate followed by the one that issued it."),
    ORIGIN_READ_TIMEOUT(Severity.ERROR, "Origin does not answer within OriginReadTimeout (CloudFront returns 504)",
            "Make the origin answer faster, or raise OriginReadTimeout (1–120 s) on the origin."),
    DNS_NO_ADDRESS_IN_FAMILY(Severity.ERROR, "Origin domain name has no address of the IP family CloudFront uses",
            "Publish the missing record (AAAA for IpAddressType ipv6, A for ipv4), or set the origin's IpAddressType to "
                    + "the family the origin has (dualstack lets CloudFront use either)."),
    HTTP_INVALID_RESPONSE(Severity.ERROR, "Origin's answer is not an HTTP response (CloudFront returns 502)",
            "Point HTTPPort/HTTPSPort and the origin protocol policy at the web server (not another service), and make "
                    + "it answer every request with an HTTP/1.1 status line and headers."),
    ORIGIN_FIREWALL_BLOCKS_CLOUDFRONT(Severity.ERROR, "The origin's security groups do not admit CloudFront on the port "
            + "(CloudFront returns 504)",
            "Add an inbound rule for the port whose source is CloudFront's managed prefix list "
                    + "com.amazonaws.global.cloudfront.origin-facing (ipv6: com.amazonaws.global.ipv6.cloudfront.origin-facing) "
                    + "to the origin's security group (the evidence has the aws ec2 authorize-security-group-ingress command)."),
    CERT_EXPIRING_SOON(Severity.WARNING, "A certificate in the origin's chain expires soon",
            "Renew the certificate before it expires; CloudFront will return 502 from the expiry moment on."),
    NOT_CHECKED_DEADLINE(Severity.WARNING, "Origin was not checked: the run's deadline came first",
            "Raise the deadline (--deadline, or the Lambda's timeout), lower the origin's timeouts if they are larger than "
                    + "needed, or split the run (one invocation per distribution: SQS fan-out)."),
    FAILOVER_TO_SECONDARY(Severity.WARNING, "An origin group's primary fails; its requests fail over to the secondary",
            "Fix the primary origin (see the cause in the evidence): until then every request pays CloudFront's failed "
                    + "attempts on it (up to ConnectionAttempts × ConnectionTimeout) before the secondary answers."),
    CHECKER_NO_ROUTE_TO_FAMILY(Severity.WARNING, "The checker has no route to the IP family CloudFront uses: not checked",
            "Run the checker where that family is routed (for IPv6: a Lambda in a dual-stack VPC subnet with an IPv6 "
                    + "route to the internet, or a machine with IPv6), or check the origin by hand (see reproduce)."),
    HTTP_5XX(Severity.WARNING, "Origin answers with a 5xx status (CloudFront passes it to viewers)",
            "Look at the origin's logs for the request shown; the origin itself is failing."),
    TLS_DEPRECATED_PROTOCOL(Severity.WARNING, "Origin negotiates a deprecated TLS version",
            "Enable TLS 1.2 on the origin and remove TLSv1/TLSv1.1 from OriginSslProtocols."),
    ORIGIN_PRIVATE_ANSWER(Severity.WARNING, "Origin domain name resolves to private addresses inside the checker's "
            + "private network (maybe private DNS); not checked",
            "Resolve the name with public DNS (e.g. dig @1.1.1.1 NAME): if it gives these addresses too, CloudFront "
                    + "cannot connect (point the record at a public address or use a VPC origin); if it gives public "
                    + "ones, run the checker outside the private network to check them."),
    ORIGIN_SOME_NOT_PUBLIC(Severity.WARNING, "Origin domain name also resolves to addresses CloudFront cannot reach",
            "Remove the loopback, private or link-local addresses from the origin's public DNS records; only the "
                    + "public ones were checked."),
    SOURCE_UNAVAILABLE(Severity.WARNING, "A distribution could not be read from the CloudFront API", "Grant the checker cloudfront:ListDistributions, GetDistribution, GetCachePolicy and GetOriginRequestPolicy, check that the distribution id exists; throttling and 5xx clear by themselves: the next run reads it again."),
    TRUST_STORE_STALE(Severity.WARNING, "The checker's bundled copy of Mozilla's CA list is out of date",
            "Run scripts/refresh-trust-store.sh, rebuild and redeploy the checker (for the Lambda: sam build, sam deploy); "
                    + "until then, trust results for CAs Mozilla added or removed since the list's date may be wrong."),
    PROBE_INTERNAL_ERROR(Severity.WARNING, "The checker failed while probing a connection (a bug)",
            "Nothing to fix on the origin; report the exception and where it was thrown, and check this origin by hand "
                    + "(see reproduce)."),
    FIREWALL_UNREADABLE(Severity.WARNING, "The origins' security groups could not be read: their firewalls were not checked",
            "Grant the checker ec2:DescribeSecurityGroups, ec2:DescribeInstances, ec2:DescribeManagedPrefixLists, "
                    + "ec2:GetManagedPrefixListEntries, elasticloadbalancing:DescribeLoadBalancers and cloudfront:GetVpcOrigin; "
                    + "throttling clears by itself: the next run reads them again."),
    ORIGIN_NOT_PROBED(Severity.INFO, "Origin was not probed",
            "Nothing to fix here; check this origin by other means (see the reason)."),
    POLICY_UNRESOLVED(Severity.INFO, "A custom policy could not be resolved; an assumption was made",
            "A config file holds no custom policy definitions: check this distribution with --distribution-id (or the "
                    + "Lambda), which reads its policies from the CloudFront API; until then, review the assumption stated."),
    STAGING_PRIMARY_UNKNOWN(Severity.INFO, "A staging distribution's primary is unknown: the Host values viewers send are unknown",
            "Check the staging distribution through the CloudFront API source (it finds the primary through the "
                    + "continuous deployment policy), or check the primary's aliases against this origin by hand."),
    HOST_MAY_BE_REWRITTEN(Severity.INFO, "An edge function may change Host/SNI at request time",
            "The configuration alone cannot predict the name CloudFront will use; test the function's outputs separately."),
    CHECKER_BLOCKED_BY_FIREWALL(Severity.INFO, "The origin admits only CloudFront: the checker could not connect, so "
            + "the connection was not checked",
            "Nothing to fix for CloudFront; to check this origin, run the checker where the origin admits it: in the "
                    + "origin's VPC with its security group referenced by the origin's group, or behind a NAT gateway whose "
                    + "Elastic IP the origin's group admits (docs/deploy.md).");

    /**
     * The codes whose finding says the checker could not see what CloudFront sees: the connection (on an origin) or
     * the distribution (about the distribution as a whole) was not checked. Such a run is incomplete (CLI exit 4,
     * the Lambda's NotChecked metric), never "all clear". A new code with that meaning is added here.
     */
    private static final Set<FindingCode> NOT_CHECKED = EnumSet.of(
            NOT_CHECKED_DEADLINE,
            ORIGIN_NOT_PROBED,
            PROBE_INTERNAL_ERROR,
            SOURCE_UNAVAILABLE,
            CHECKER_NO_ROUTE_TO_FAMILY,
            CHECKER_BLOCKED_BY_FIREWALL,
            ORIGIN_PRIVATE_ANSWER);

    /** Evidence key of POLICY_UNRESOLVED: where the policy was looked for, {@link #POLICY_SOURCE_FILE} or the API. */
    public static final String POLICY_SOURCE = "policySource";
    public static final String POLICY_SOURCE_FILE = "file";
    public static final String POLICY_SOURCE_API = "cloudfront-api";

    /** POLICY_UNRESOLVED's fix when the CloudFront API was asked for the policy and did not give it. */
    private static final String POLICY_UNRESOLVED_FROM_API_FIX = "Grant the checker cloudfront:GetCachePolicy and "
            + "cloudfront:GetOriginRequestPolicy, or check that the policy still exists (the reason says what the API "
            + "answered); throttling clears by itself. Until then, review the assumption stated.";

    private final Severity severity;
    private final String title;
    private final String remediation;

    FindingCode(Severity severity, String title, String remediation) {
        this.severity = severity;
        this.title = title;
        this.remediation = remediation;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String remediation() {
        return remediation;
    }

    /**
     * The fix for a finding of this code with this evidence: the code's own, except where the fix depends on the
     * source that was used (POLICY_UNRESOLVED: a file holds no policies; the API was asked and refused).
     */
    public String remediation(java.util.Map<String, String> evidence) {
        if (this == POLICY_UNRESOLVED && POLICY_SOURCE_API.equals(evidence.get(POLICY_SOURCE))) {
            return POLICY_UNRESOLVED_FROM_API_FIX;
        }
        return remediation;
    }

    /** Whether a finding with this code means "not checked" rather than a fault of the origin (see {@link #NOT_CHECKED}). */
    public boolean meansNotChecked() {
        return NOT_CHECKED.contains(this);
    }
}

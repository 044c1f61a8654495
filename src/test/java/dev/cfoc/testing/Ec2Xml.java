package dev.cfoc.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Answers of EC2 and Elastic Load Balancing v2 (AWS Query protocol, XML), shaped like the examples of their API
 * references (DescribeSecurityGroups, DescribeInstances, DescribeManagedPrefixLists, GetManagedPrefixListEntries,
 * DescribeLoadBalancers) and their error answers.
 */
public final class Ec2Xml {

    public static final String EC2_NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public static final String ELB_NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    public static final String REQUEST_ID = "59dbff89-35bd-4eac-99ed-be587EXAMPLE";

    private Ec2Xml() {
    }

    /** One inbound rule: tcp from..to, with its sources (CIDRs, pl-…, sg-…). */
    public static String permission(int from, int to, String... sources) {
        String ipv4 = Arrays.stream(sources).filter(s -> s.contains(".") && s.contains("/"))
                .map(s -> "<item><cidrIp>" + s + "</cidrIp></item>").collect(Collectors.joining());
        String ipv6 = Arrays.stream(sources).filter(s -> s.contains(":"))
                .map(s -> "<item><cidrIpv6>" + s + "</cidrIpv6></item>").collect(Collectors.joining());
        String lists = Arrays.stream(sources).filter(s -> s.startsWith("pl-"))
                .map(s -> "<item><prefixListId>" + s + "</prefixListId><description>CloudFront</description></item>")
                .collect(Collectors.joining());
        String groups = Arrays.stream(sources).filter(s -> s.startsWith("sg-"))
                .map(s -> "<item><userId>123456789012</userId><groupId>" + s + "</groupId></item>")
                .collect(Collectors.joining());
        return "<item><ipProtocol>tcp</ipProtocol><fromPort>" + from + "</fromPort><toPort>" + to + "</toPort>"
                + "<groups>" + groups + "</groups><ipRanges>" + ipv4 + "</ipRanges><ipv6Ranges>" + ipv6
                + "</ipv6Ranges><prefixListIds>" + lists + "</prefixListIds></item>";
    }

    public static String securityGroup(String id, String name, String... permissions) {
        return "<item><ownerId>123456789012</ownerId><groupId>" + id + "</groupId><groupName>" + name
                + "</groupName><groupDescription>" + name + "</groupDescription><vpcId>vpc-1a2b3c4d</vpcId>"
                + "<ipPermissions>" + String.join("", permissions) + "</ipPermissions><ipPermissionsEgress><item>"
                + "<ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>"
                + "<prefixListIds/></item></ipPermissionsEgress></item>";
    }

    public static String describeSecurityGroups(String... groups) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeSecurityGroupsResponse xmlns=\"" + EC2_NAMESPACE
                + "\"><requestId>" + REQUEST_ID + "</requestId><securityGroupInfo>" + String.join("", groups)
                + "</securityGroupInfo></DescribeSecurityGroupsResponse>";
    }

    public static String instance(String id, String publicIp, String publicDns, String privateIp, String... groups) {
        String groupSet = Arrays.stream(groups).map(g -> "<item><groupId>" + g + "</groupId><groupName>web</groupName>"
                + "</item>").collect(Collectors.joining());
        return "<item><instanceId>" + id + "</instanceId><imageId>ami-0abcdef1234567890</imageId><instanceState>"
                + "<code>16</code><name>running</name></instanceState><privateDnsName>ip-" + privateIp.replace('.', '-')
                + ".eu-west-1.compute.internal</privateDnsName><dnsName>" + publicDns + "</dnsName>"
                + "<instanceType>t3.micro</instanceType><privateIpAddress>" + privateIp + "</privateIpAddress>"
                + "<ipAddress>" + publicIp + "</ipAddress><groupSet>" + groupSet + "</groupSet></item>";
    }

    public static String describeInstances(String nextToken, String... instances) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse xmlns=\"" + EC2_NAMESPACE
                + "\"><requestId>" + REQUEST_ID + "</requestId><reservationSet><item><reservationId>r-1234567890abcdef0"
                + "</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>" + String.join("", instances)
                + "</instancesSet></item></reservationSet>" + (nextToken == null ? "" : "<nextToken>" + nextToken
                + "</nextToken>") + "</DescribeInstancesResponse>";
    }

    public static String describeManagedPrefixLists(String ipv4Id, String ipv6Id) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeManagedPrefixListsResponse xmlns=\""
                + EC2_NAMESPACE + "\"><requestId>" + REQUEST_ID + "</requestId><prefixListSet>"
                + prefixList(ipv4Id, "IPv4", "com.amazonaws.global.cloudfront.origin-facing")
                + prefixList(ipv6Id, "IPv6", "com.amazonaws.global.ipv6.cloudfront.origin-facing")
                + "</prefixListSet></DescribeManagedPrefixListsResponse>";
    }

    private static String prefixList(String id, String family, String name) {
        return "<item><addressFamily>" + family + "</addressFamily><maxEntries>55</maxEntries><ownerId>AWS</ownerId>"
                + "<prefixListArn>arn:aws:ec2:eu-west-1:aws:prefix-list/" + id + "</prefixListArn><prefixListId>" + id
                + "</prefixListId><prefixListName>" + name + "</prefixListName><state>create-complete</state>"
                + "<tagSet/><version>74</version></item>";
    }

    public static String prefixListEntries(String nextToken, String... cidrs) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<GetManagedPrefixListEntriesResponse xmlns=\""
                + EC2_NAMESPACE + "\"><requestId>" + REQUEST_ID + "</requestId><entrySet>"
                + Arrays.stream(cidrs).map(c -> "<item><cidr>" + c + "</cidr></item>").collect(Collectors.joining())
                + "</entrySet>" + (nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>")
                + "</GetManagedPrefixListEntriesResponse>";
    }

    public static String ec2Error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                + message + "</Message></Error></Errors><RequestID>" + REQUEST_ID + "</RequestID></Response>";
    }

    public static String loadBalancer(String name, String region, String dnsName, String... groups) {
        return "<member><LoadBalancerArn>arn:aws:elasticloadbalancing:" + region + ":123456789012:loadbalancer/app/"
                + name + "/50dc6c495c0c9188</LoadBalancerArn><Scheme>internet-facing</Scheme><LoadBalancerName>" + name
                + "</LoadBalancerName><VpcId>vpc-3ac0fb5f</VpcId><CanonicalHostedZoneId>Z2P70J7EXAMPLE"
                + "</CanonicalHostedZoneId><CreatedTime>2016-03-25T21:26:12.920Z</CreatedTime><AvailabilityZones>"
                + "<member><SubnetId>subnet-8360a9e7</SubnetId><ZoneName>" + region + "a</ZoneName></member>"
                + "</AvailabilityZones><SecurityGroups>" + Arrays.stream(groups).map(g -> "<member>" + g + "</member>")
                .collect(Collectors.joining()) + "</SecurityGroups><DNSName>" + dnsName + "</DNSName><State><Code>"
                + "active</Code></State><Type>application</Type><IpAddressType>ipv4</IpAddressType></member>";
    }

    public static String describeLoadBalancers(String nextMarker, String... loadBalancers) {
        return "<DescribeLoadBalancersResponse xmlns=\"" + ELB_NAMESPACE + "\"><DescribeLoadBalancersResult>"
                + "<LoadBalancers>" + String.join("", loadBalancers) + "</LoadBalancers>"
                + (nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>")
                + "</DescribeLoadBalancersResult><ResponseMetadata><RequestId>6581c0ac-f39f-11e5-bb98-57195a6eb84a"
                + "</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>";
    }

    public static String elbError(String code, String message) {
        return "<ErrorResponse xmlns=\"" + ELB_NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code + "</Code>"
                + "<Message>" + message + "</Message></Error><RequestId>" + REQUEST_ID + "</RequestId></ErrorResponse>";
    }
}

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The first DescribeSecurityGroups call of a fresh JVM, two ways (bench/firewall-client.sh): "ours" = the checker's
 * AwsAccountNetwork (its Query client over the SDK's signer and URLConnection client), "sdk" = the SDK's Ec2Client.
 * A JDK HttpServer on loopback answers with AWS's XML. Prints one line: way, milliseconds from building the client to
 * the parsed answer, classes loaded by then.
 */
public class FirewallClientCold {

    private static final String ANSWER = "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId><securityGroupInfo><item><ownerId>123456789012"
            + "</ownerId><groupId>sg-0a1b2c3d</groupId><groupName>web</groupName><ipPermissions><item><ipProtocol>tcp"
            + "</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/><ipRanges/><ipv6Ranges/><prefixListIds>"
            + "<item><prefixListId>pl-4fa04526</prefixListId></item></prefixListIds></item></ipPermissions>"
            + "</item></securityGroupInfo></DescribeSecurityGroupsResponse>";

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        var credentials = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG"));
        long start = System.nanoTime();
        int groups;
        if (args[0].equals("ours")) {
            var network = new dev.cfoc.aws.AwsAccountNetwork(() -> null, dev.cfoc.aws.AwsClientOptions.defaults()
                    .withCredentials(credentials).withEndpointOverride(endpoint), Map.of());
            groups = network.securityGroups("eu-west-1", List.of("sg-0a1b2c3d")).size();
        } else {
            var client = software.amazon.awssdk.services.ec2.Ec2Client.builder()
                    .region(software.amazon.awssdk.regions.Region.EU_WEST_1).credentialsProvider(credentials)
                    .endpointOverride(endpoint)
                    .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                    .build();
            groups = client.describeSecurityGroups(r -> r.groupIds("sg-0a1b2c3d")).securityGroups().size();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int classes = java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
        System.out.println(args[0] + " " + ms + " ms " + classes + " classes " + groups + " group");
        server.stop(0);
    }
}

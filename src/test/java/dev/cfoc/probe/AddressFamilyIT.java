package dev.cfoc.probe;

import dev.cfoc.finding.FindingCode;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.sample.HttpResponder;
import dev.cfoc.testing.SampleHttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Only the address family CloudFront uses is connected to (IpAddressType), against real loopback servers on
 * 127.0.0.1 and ::1: a name with both A and AAAA records is probed per family, and what the family lacks is said.
 */
class AddressFamilyIT {

    private static final InetAddress V4 = loopback("127.0.0.1");
    private static final InetAddress V6 = loopback("::1");

    private static InetAddress loopback(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain-HTTP origin on [::1] answering 200; counts its connections. */
    private static final class Ipv6Origin implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        Ipv6Origin() throws IOException {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(V6, 0));
            Thread.ofVirtual().start(() -> {
                var responder = new HttpResponder(HttpResponder.status(200));
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        connections.incrementAndGet();
                        responder.serve(client.getInputStream(), client.getOutputStream(), request -> { });
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Ipv6Origin ipv6Origin() {
        try {
            return new Ipv6Origin();
        } catch (IOException e) {
            assumeTrue(false, "this machine cannot listen on ::1 (IPv6 disabled): " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private static OriginProber prober(List<InetAddress> answer, RouteCheck routes) {
        return new OriginProber(host -> answer, TestVerifiers.leafNameMatches(), AddressPolicy.allowPrivate(), routes,
                Redaction.none());
    }

    @Test
    void ipv4Origin_isReachedOnItsIpv4Address_evenWhenTheNameAlsoHasAnIpv6One() throws Exception {
        try (SampleHttpServer v4 = SampleHttpServer.start(); Ipv6Origin v6 = ipv6Origin()) {
            var target = Targets.http(Targets.ORIGIN, v4.port()).family(AddressFamily.IPV4, true).build();

            ProbeResult result = prober(List.of(V6, V4), RouteCheck.SYSTEM).probe(target);

            assertThat(result.problems()).isEmpty();
            assertThat(result.address()).contains("127.0.0.1");
            assertThat(v6.connections).hasValue(0);
        }
    }

    @Test
    void dualstack_anIpv6SuccessDoesNotHideTheIpv4Failure() throws Exception {
        try (Ipv6Origin v6 = ipv6Origin()) {
            // the same port on 127.0.0.1 has no listener: the IPv4 connection is refused
            var ipv4 = Targets.http(Targets.ORIGIN, v6.port()).family(AddressFamily.IPV4, false).build();
            var ipv6 = Targets.http(Targets.ORIGIN, v6.port()).family(AddressFamily.IPV6, false).build();
            OriginProber prober = prober(List.of(V4, V6), RouteCheck.SYSTEM);

            ProbeResult overIpv4 = prober.probe(ipv4);
            ProbeResult overIpv6 = prober.probe(ipv6);

            assertThat(overIpv6.problems()).isEmpty();
            assertThat(overIpv6.httpStatus()).hasValue(200);
            assertThat(overIpv4.problems()).extracting(p -> p.code()).containsExactly(FindingCode.PORT_UNREACHABLE);
            assertThat(overIpv4.problems().getFirst().evidence().get("addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void ipv6Origin_withoutAnAaaaRecord_isAnError_andNothingIsConnected() throws Exception {
        try (SampleHttpServer v4 = SampleHttpServer.start()) {
            var target = Targets.http(Targets.ORIGIN, v4.port()).family(AddressFamily.IPV6, true).build();

            ProbeResult result = prober(List.of(V4), RouteCheck.SYSTEM).probe(target);

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.DNS_NO_ADDRESS_IN_FAMILY);
                assertThat(p.message()).contains("no IPv6 address", "AAAA", "502");
                assertThat(p.evidence()).containsEntry("resolved", "127.0.0.1");
            });
            assertThat(v4.requestCount()).isZero();
        }
    }

    @Test
    void dualstackFamilyWithoutAddresses_isNoFinding_theOtherFamilyCarriesTheTraffic() {
        var target = Targets.http(Targets.ORIGIN, 80).family(AddressFamily.IPV6, false).build();

        ProbeResult result = prober(List.of(V4), RouteCheck.SYSTEM).probe(target);

        assertThat(result.problems()).isEmpty();
        assertThat(result.address()).isEmpty();
    }

    @Test
    void ipv6Origin_whenTheCheckerHasNoIpv6Route_isNotChecked_notAFailure() throws Exception {
        try (Ipv6Origin v6 = ipv6Origin()) {
            var target = Targets.http(Targets.ORIGIN, v6.port()).family(AddressFamily.IPV6, true).build();
            RouteCheck noIpv6Route = address -> !(address instanceof Inet6Address);

            ProbeResult result = prober(List.of(V4, V6), noIpv6Route).probe(target);

            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(FindingCode.CHECKER_NO_ROUTE_TO_FAMILY);
                assertThat(p.severity()).isNotEqualTo(dev.cfoc.finding.Severity.ERROR);
                assertThat(p.message()).contains("not checked", "IPv6");
            });
            assertThat(v6.connections).hasValue(0);
        }
    }

    @Test
    void aProberLooksEachAddressesRouteUpOnce_howeverManyProbesUseIt() {
        AtomicInteger lookups = new AtomicInteger();
        OriginProber prober = prober(List.of(V4), address -> lookups.incrementAndGet() > 0);
        try (SampleHttpServer v4 = SampleHttpServer.start()) {
            var target = Targets.http(Targets.ORIGIN, v4.port()).build();

            List<ProbeResult> results = List.of(prober.probe(target), prober.probe(target), prober.probe(target));

            assertThat(results).allSatisfy(r -> assertThat(r.httpStatus()).hasValue(200));
            assertThat(lookups).hasValue(1);
        }
    }

    @Test
    void systemRouteCheck_routesLoopback() {
        assertThat(RouteCheck.SYSTEM.routable(V4)).isTrue();
    }
}

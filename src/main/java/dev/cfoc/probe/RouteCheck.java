package dev.cfoc.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Whether this machine has a route to an address: the checker may lack one for a whole family (no IPv6 route from a
 * Lambda outside a dual-stack VPC), and a connection it cannot even attempt is not checked, rather than failed.
 */
@FunctionalInterface
public interface RouteCheck {

    boolean routable(InetAddress address);

    /**
     * The kernel's answer: connecting a UDP socket looks the route up and sends nothing; without a route it fails
     * (ENETUNREACH: "Network is unreachable").
     */
    RouteCheck SYSTEM = address -> {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(address, 443));
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    };
}

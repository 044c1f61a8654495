package dev.cfoc.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports for sample origins. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /**
     * A port on 127.0.0.1 that nothing listens on: bound, then released. Another process could take it in between;
     * on a test machine that is rare enough.
     */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free loopback port", e);
        }
    }
}

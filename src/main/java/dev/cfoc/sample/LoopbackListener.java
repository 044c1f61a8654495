package dev.cfoc.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening socket on 127.0.0.1 (ephemeral port) that hands each connection to a handler on its own virtual
 * thread. Closing it closes the listener and every open connection.
 */
public final class LoopbackListener implements AutoCloseable {

    /** Serves one accepted connection; the listener closes the socket afterwards. */
    @FunctionalInterface
    public interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private static final Duration LINGER = Duration.ofSeconds(1);

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    public LoopbackListener(String name, Handler handler) {
        this(name, InetAddress.getLoopbackAddress(), handler);
    }

    /** @param address a loopback address to listen on (127.0.0.0/8 on Linux: one per simulated host) */
    public LoopbackListener(String name, InetAddress address, Handler handler) {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("address: not a loopback address: " + address.getHostAddress());
        }
        this.handler = handler;
        try {
            serverSocket = new ServerSocket();
            serverSocket.bind(new InetSocketAddress(address, 0), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback for " + name, e);
        }
        Thread.ofVirtual().name(name + "-accept-" + serverSocket.getLocalPort()).start(this::acceptLoop);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                open.add(socket);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            handler.handle(socket);
            lingeringClose(socket);
        } catch (IOException | RuntimeException e) {
            // a sample origin's connection ended badly; the client side observes and reports it
        } finally {
            open.remove(socket);
        }
    }

    /**
     * Stops sending, then reads what the client still sends until it hangs up (at most {@link #LINGER}): closing a
     * socket with unread input would reset the connection and could destroy the answer before the client reads it.
     */
    private static void lingeringClose(Socket socket) throws IOException {
        if (socket.isClosed()) {
            return;
        }
        socket.shutdownOutput();
        socket.setSoTimeout((int) LINGER.toMillis());
        byte[] sink = new byte[4096];
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (System.nanoTime() < deadline && socket.getInputStream().read(sink) >= 0) {
            // discard
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}

package dev.cfoc.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real way to make a TCP connect time out on loopback: a listener with a backlog of 1 that never accepts, its
 * accept queue filled by idle connections. Linux then drops further SYNs, so connect() waits until its timeout.
 */
public final class FullBacklogListener implements AutoCloseable {

    private static final int MAX_FILLERS = 16;
    private static final int PROBE_TIMEOUT_MS = 200;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    public FullBacklogListener() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(listener.getLocalSocketAddress(), PROBE_TIMEOUT_MS);
                fillers.add(filler);
            } catch (SocketTimeoutException full) {
                filler.close();
                return;
            }
        }
        close();
        throw new IllegalStateException("the accept queue never filled up: cannot produce a connect timeout here");
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}

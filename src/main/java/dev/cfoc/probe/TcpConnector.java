package dev.cfoc.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens TCP connections as CloudFront does: each attempt bounded by ConnectionTimeout, up to ConnectionAttempts
 * attempts, cycling through the resolved addresses. Attempts follow each other without a pause (a decision: AWS
 * documents no back-off between attempts). Each attempt's wait is capped to what the run's {@link Deadline} leaves.
 */
final class TcpConnector {

    private TcpConnector() {
    }

    /** How one attempt ended. */
    enum Result { CONNECTED, REFUSED, TIMED_OUT, FAILED }

    /** One connection attempt. */
    record Attempt(InetAddress address, Result result, String detail) {
        String describe(int port) {
            return address.getHostAddress() + ":" + port + " " + result.name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** What the attempts gave: a socket from the last one, or none. */
    sealed interface Outcome {
        List<Attempt> attempts();
    }

    record Connected(Socket socket, InetAddress address, List<Attempt> attempts) implements Outcome {
        Connected {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * @param cutByDeadline true when the run's deadline shortened an attempt that then timed out, or left no time for
     *                      the remaining attempts: CloudFront would have waited longer, so this is not the origin's
     *                      failure
     */
    record NotConnected(List<Attempt> attempts, boolean cutByDeadline) implements Outcome {
        NotConnected {
            attempts = List.copyOf(attempts);
        }

        boolean anyTimedOut() {
            return attempts.stream().anyMatch(a -> a.result() == Result.TIMED_OUT);
        }
    }

    /** Up to {@code maxAttempts} attempts of {@code timeout} each, every wait capped to what {@code deadline} leaves. */
    static Outcome connect(List<InetAddress> addresses, int port, Duration timeout, int maxAttempts,
                           Deadline deadline) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("addresses: nothing to connect to");
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < Math.max(1, maxAttempts); i++) {
            Duration wait = deadline.cap(timeout);
            if (wait.isZero()) {
                return new NotConnected(attempts, true);
            }
            InetAddress address = addresses.get(i % addresses.size());
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, port), Durations.socketMillis(wait));
                attempts.add(new Attempt(address, Result.CONNECTED, ""));
                return new Connected(socket, address, attempts);
            } catch (SocketTimeoutException e) {
                attempts.add(new Attempt(address, Result.TIMED_OUT, "after " + Durations.human(wait)));
                if (wait.compareTo(timeout) < 0) {
                    TlsHandshaker.closeQuietly(socket);
                    return new NotConnected(attempts, true);
                }
            } catch (ConnectException e) {
                Result result = refusedOrFailed(e);
                attempts.add(new Attempt(address, result, result == Result.REFUSED ? "" : String.valueOf(e.getMessage())));
            } catch (IOException e) {
                attempts.add(new Attempt(address, Result.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            TlsHandshaker.closeQuietly(socket);
        }
        return new NotConnected(attempts, false);
    }

    /** Opens one connection to a known-good address (for diagnosis follow-ups): one attempt. */
    static Socket open(InetAddress address, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, port), Durations.socketMillis(timeout));
            return socket;
        } catch (IOException e) {
            TlsHandshaker.closeQuietly(socket);
            throw e;
        }
    }

    private static Result refusedOrFailed(ConnectException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("refused") ? Result.REFUSED : Result.FAILED;
    }
}

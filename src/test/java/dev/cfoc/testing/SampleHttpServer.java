package dev.cfoc.testing;

import dev.cfoc.sample.HttpResponder;
import dev.cfoc.sample.LoopbackListener;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A plain-HTTP test origin on 127.0.0.1: one request per connection, a fixed status, Connection: close. */
public final class SampleHttpServer implements AutoCloseable {

    private final LoopbackListener listener;
    private final HttpAnswer.Sender answer;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private SampleHttpServer(int status, Duration delay, InetAddress address) {
        answer = HttpAnswer.of(status, delay).sender();
        HttpResponder responder = new HttpResponder(answer);
        listener = new LoopbackListener("sample-http", address, socket ->
                responder.serve(socket.getInputStream(), socket.getOutputStream(), requests::add));
    }

    /** Answers 200 at once. */
    public static SampleHttpServer start() {
        return start(200, Duration.ZERO);
    }

    /** Answers {@code status} after {@code delay}. */
    public static SampleHttpServer start(int status, Duration delay) {
        return start(status, delay, InetAddress.getLoopbackAddress());
    }

    /** Answers {@code status} after {@code delay}, listening on {@code address} (127.0.0.0/8: one per simulated host). */
    public static SampleHttpServer start(int status, Duration delay, InetAddress address) {
        return new SampleHttpServer(status, delay, address);
    }

    public int port() {
        return listener.port();
    }

    /** Request heads received (request line and headers, as sent). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The most requests that were being answered at the same time (between request and response). */
    public int maxConcurrentRequests() {
        return answer.maxConcurrentRequests();
    }

    @Override
    public void close() {
        listener.close();
    }
}

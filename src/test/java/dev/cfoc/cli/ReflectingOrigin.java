package dev.cfoc.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A plain-HTTP origin on 127.0.0.1 that answers with something made from the request it received: the kind of
 * origin (debug endpoint, broken proxy) that reflects a secret header back to whoever asked.
 */
final class ReflectingOrigin implements AutoCloseable {

    private final ServerSocket socket;

    /** @param answer turns the request head (ISO-8859-1) into the raw answer */
    ReflectingOrigin(UnaryOperator<String> answer) throws IOException {
        socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    String request = readHead(connection.getInputStream());
                    connection.getOutputStream().write(answer.apply(request).getBytes(StandardCharsets.ISO_8859_1));
                    connection.getOutputStream().flush();
                    connection.shutdownOutput();
                } catch (IOException e) {
                    // closed, or the client went away: serve the next one
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && head.size() < 16 * 1024) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The request's line for {@code name}, e.g. "X-Origin-Verify: s3cret". */
    static String headerLine(String request, String name) {
        return request.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElse("");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

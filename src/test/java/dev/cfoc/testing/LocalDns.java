package dev.cfoc.testing;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A DNS server on loopback (UDP, RFC 1035 wire format) answering CNAME and PTR queries from a fixed table: a name with
 * a record of the asked type gets it, a name in the table without one (or mapped to "") gets an empty answer (NODATA),
 * any other name NXDOMAIN. Enough for JNDI's DNS provider; {@link #silent()} answers nothing at all.
 */
public final class LocalDns implements AutoCloseable {

    private static final int CNAME = 5;
    private static final int PTR = 12;

    private final DatagramSocket socket;
    private final Map<String, String> cnames;
    private final Map<String, String> ptrs;
    private final boolean answers;
    private final Thread thread;

    private LocalDns(Map<String, String> cnames, Map<String, String> ptrs, boolean answers) throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.cnames = cnames;
        this.ptrs = ptrs;
        this.answers = answers;
        this.thread = Thread.ofPlatform().daemon().name("local-dns").start(this::serve);
    }

    /** @param cnames name → its CNAME target; @param ptrs reverse name (…in-addr.arpa) → its PTR name */
    public static LocalDns serving(Map<String, String> cnames, Map<String, String> ptrs) throws SocketException {
        return new LocalDns(cnames, ptrs, true);
    }

    /** A server that never answers: lookups must give up by themselves. */
    public static LocalDns silent() throws SocketException {
        return new LocalDns(Map.of(), Map.of(), false);
    }

    /** {@code 127.0.0.1:port}. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                if (answers) {
                    byte[] reply = answer(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                    socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                }
            } catch (Exception e) {
                // closed, or a query this server cannot read: nothing to answer
            }
        }
    }

    private byte[] answer(ByteBuffer query) {
        int id = query.getShort(0) & 0xffff;
        int position = 12;
        StringBuilder name = new StringBuilder();
        for (int length = query.get(position) & 0xff; length > 0; length = query.get(position) & 0xff) {
            name.append(name.isEmpty() ? "" : ".").append(new String(query.array(), position + 1, length,
                    StandardCharsets.US_ASCII));
            position += length + 1;
        }
        int questionEnd = position + 5; // the zero label, type, class
        int type = query.getShort(position + 1) & 0xffff;
        String asked = name.toString().toLowerCase(Locale.ROOT);
        Map<String, String> table = type == CNAME ? cnames : type == PTR ? ptrs : Map.of();
        String data = table.get(asked);
        data = data == null || data.isEmpty() ? null : data; // "" in a table: the name exists, without that record
        boolean known = cnames.containsKey(asked) || ptrs.containsKey(asked);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, id);
        writeShort(out, known ? 0x8180 : 0x8183); // response, recursion; NOERROR or NXDOMAIN
        writeShort(out, 1);
        writeShort(out, data == null ? 0 : 1);
        writeShort(out, 0);
        writeShort(out, 0);
        out.write(query.array(), 12, questionEnd - 12);
        if (data != null) {
            writeShort(out, 0xC00C); // the name of the question
            writeShort(out, type);
            writeShort(out, 1);
            writeShort(out, 0);
            writeShort(out, 60);
            byte[] encoded = encode(data);
            writeShort(out, encoded.length);
            out.write(encoded, 0, encoded.length);
        }
        return out.toByteArray();
    }

    private static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
        out.write(0);
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}

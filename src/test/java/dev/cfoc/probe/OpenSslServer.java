package dev.cfoc.probe;

import dev.cfoc.sample.LocalPorts;
import dev.cfoc.sample.SamplePki;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A real {@code openssl s_server} on 127.0.0.1, started for one test and always killed afterwards. */
final class OpenSslServer implements AutoCloseable {

    private static final long READY_TIMEOUT_SECONDS = 10;

    private final Process process;
    private final int port;
    private final Path directory;

    private OpenSslServer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** True when an {@code openssl} binary runs on this machine. */
    static boolean available() {
        try {
            Process probe = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts s_server with the credentials (leaf + intermediates) and extra options; returns once it accepts. */
    static OpenSslServer start(SamplePki.Issued credentials, String... options) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("cfoc-openssl");
        Path cert = write(directory.resolve("cert.pem"), pem("CERTIFICATE", encoded(credentials.certificate())));
        Path chain = write(directory.resolve("chain.pem"), credentials.chain().stream().skip(1)
                .map(c -> pem("CERTIFICATE", encoded(c))).reduce("", String::concat));
        Path key = write(directory.resolve("key.pem"), pem("PRIVATE KEY", credentials.privateKey().getEncoded()));
        int port = LocalPorts.closedPort();
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", cert.toString(), "-key", key.toString()));
        if (credentials.chain().size() > 1) {
            command.addAll(List.of("-cert_chain", chain.toString()));
        }
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        OpenSslServer server = new OpenSslServer(process, port, directory);
        CountDownLatch ready = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> drainOutput(process, ready));
        if (!ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            server.close();
            throw new IllegalStateException("openssl s_server did not start: " + String.join(" ", command));
        }
        return server;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }

    /** Reads s_server's output until it ends (so its pipe never fills); "ACCEPT" means it listens. */
    private static void drainOutput(Process process, CountDownLatch ready) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("ACCEPT")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}

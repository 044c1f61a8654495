import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top frames of a JFR recording's execution samples (docs/benchmarks.md §10): self (the frame on top of the
 * stack), inclusive (anywhere in the stack, once per sample) and by area (the first frame from the top that belongs
 * to one of a few named areas). Run it with the JDK's single-file launcher:
 * {@code java bench/JfrTop.java target/bench/yardstick.jfr [top]}.
 */
public final class JfrTop {

    /** Areas, checked from the top of each stack down: the first frame that matches names the sample's area. */
    private static final List<Map.Entry<String, String>> AREAS = List.of(
            Map.entry("TLS: ECDSA verify of ServerKeyExchange (BC)", "org.bouncycastle.crypto.signers.ECDSASigner.verifySignature"),
            Map.entry("TLS: X25519 / ECDH key agreement (BC)", "org.bouncycastle.math.ec.rfc7748."),
            Map.entry("TLS: P-256 key pair / agreement (BC)", "org.bouncycastle.crypto.agreement."),
            Map.entry("TLS: P-256 key pair / agreement (BC)", "org.bouncycastle.crypto.generators.ECKeyPairGenerator"),
            Map.entry("trust anchors (Mozilla's roots)", "dev.cfoc.cert.TrustAnchors"),
            Map.entry("certificate rules (dev.cfoc.cert)", "dev.cfoc.cert."),
            Map.entry("X.509 parsing (JDK CertificateFactory)", "sun.security.x509."),
            Map.entry("X.509 parsing (JDK CertificateFactory)", "sun.security.provider.X509Factory"),
            Map.entry("TLS: rest of the handshake (BC)", "org.bouncycastle.tls."),
            Map.entry("HTTP exchange", "dev.cfoc.probe.HttpExchange"),
            Map.entry("report (JSON)", "dev.cfoc.report."),
            Map.entry("config loading (Jackson)", "dev.cfoc.config."),
            Map.entry("planning", "dev.cfoc.plan."),
            Map.entry("findings / engine", "dev.cfoc.check."),
            Map.entry("probe (sockets, threads)", "dev.cfoc.probe."),
            Map.entry("CLI / picocli", "picocli."),
            Map.entry("CLI / picocli", "dev.cfoc.cli."));

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                self.merge(name(frames.getFirst().getMethod()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                String area = "other (JDK, JIT-less start-up, GC barriers…)";
                boolean placed = false;
                for (RecordedFrame frame : frames) {
                    String name = name(frame.getMethod());
                    if (seen.add(name)) {
                        inclusive.merge(name, 1, Integer::sum);
                    }
                    if (!placed) {
                        for (Map.Entry<String, String> candidate : AREAS) {
                            if (name.startsWith(candidate.getValue())) {
                                area = candidate.getKey();
                                placed = true;
                                break;
                            }
                        }
                    }
                }
                areas.merge(area, 1, Integer::sum);
            }
        }
        System.out.printf("%d execution samples%n", samples);
        print("by area (first matching frame from the top)", areas, samples, top);
        print("self (top of stack)", self, samples, top);
        print("inclusive", inclusive, samples, top);
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.printf("%n| %s | samples | share |%n|---|---:|---:|%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("| `%s` | %d | %.1f %% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / samples));
    }
}

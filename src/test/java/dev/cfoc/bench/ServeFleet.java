package dev.cfoc.bench;

import dev.cfoc.sample.SamplePki;
import dev.cfoc.testing.SampleTlsServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a {@link Fleet} until stdin closes, for the shell benchmarks (bench/peers.sh, bench/cold-start.sh): writes
 * the fleet's files plus one config per origin ({@code configs/ID.json}) and {@code one-origin.json}, a single
 * healthy origin named {@code localhost} (resolves without DNS, for plain {@code java -jar}), then creates
 * {@code DIR/ready}.
 *
 * <pre>ServeFleet --mix healthy=1,expired=1 --dir DIR</pre>
 */
public final class ServeFleet {

    private ServeFleet() {
    }

    public static void main(String[] args) throws Exception {
        EngineBench.Options options = EngineBench.Options.parse(args);
        Path dir = Path.of(options.value("--dir"));
        Files.createDirectories(dir.resolve("configs"));
        SamplePki localPki = SamplePki.create("cfoc bench localhost");
        try (Fleet fleet = Fleet.start(options.mix(), options.intValue("--origins-per-server", 1));
             SampleTlsServer localhost = SampleTlsServer.builder(
                     localPki.issueLeaf(SamplePki.LeafSpec.forNames("localhost"))).start()) {
            FleetFiles.write(fleet, dir, options.intValue("--origins-per-distribution", 25));
            for (Fleet.FleetOrigin origin : fleet.origins()) {
                FleetFiles.writeSingle(origin, dir.resolve("configs").resolve(origin.id() + ".json"));
            }
            FleetFiles.writeSingle(new Fleet.FleetOrigin("localhost", "localhost", OriginKind.HEALTHY, localhost.port()),
                    dir.resolve("one-origin.json"));
            Files.writeString(dir.resolve("one-origin-root.pem"), FleetFiles.pem(localPki.rootCertificate()));
            Files.writeString(dir.resolve("ready"), "ready\n");
            System.err.printf("serving %d origins (+ localhost:%d) until stdin closes%n", fleet.origins().size(),
                    localhost.port());
            waitForEndOfInput();
        }
    }

    private static void waitForEndOfInput() throws IOException {
        while (System.in.read() >= 0) {
            // serve until the script closes our stdin
        }
    }
}

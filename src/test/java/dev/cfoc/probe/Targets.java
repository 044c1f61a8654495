package dev.cfoc.probe;

import dev.cfoc.config.CustomHeader;
import dev.cfoc.plan.AddressFamily;
import dev.cfoc.plan.ProbeTarget;
import dev.cfoc.plan.Scheme;
import dev.cfoc.plan.TlsVersion;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds probe targets for tests: loopback origins with short timeouts. */
final class Targets {

    static final String ORIGIN = "origin.test";

    private Targets() {
    }

    /** An HTTPS target for {@code host}:{@code port}, SNI and Host = host, TLSv1.2, 5 s connect and 2 s read timeouts, 1 attempt. */
    static Builder https(String host, int port) {
        return new Builder(Scheme.HTTPS, host, port);
    }

    static Builder http(String host, int port) {
        return new Builder(Scheme.HTTP, host, port).versions();
    }

    static final class Builder {
        private final Scheme scheme;
        private final String host;
        private final int port;
        private String sni;
        private List<TlsVersion> versions = List.of(TlsVersion.TLSV1_2);
        // Generous, so a loaded machine does not turn a slow handshake into a timeout; tests of timeouts set their own.
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int attempts = 1;
        private Duration readTimeout = Duration.ofSeconds(2);
        private List<CustomHeader> headers = List.of();
        private AddressFamily family = AddressFamily.IPV4;
        private boolean onlyFamily = true;
        private Optional<String> vpcOriginId = Optional.empty();

        private Builder(Scheme scheme, String host, int port) {
            this.scheme = scheme;
            this.host = host;
            this.port = port;
            this.sni = host;
        }

        Builder sni(String name) {
            this.sni = name;
            return this;
        }

        Builder versions(TlsVersion... offered) {
            this.versions = List.of(offered);
            return this;
        }

        Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        Builder attempts(int count) {
            this.attempts = count;
            return this;
        }

        Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        Builder headers(CustomHeader... custom) {
            this.headers = List.of(custom);
            return this;
        }

        /** @param only the origin's IpAddressType is this family alone (false: dualstack) */
        Builder family(AddressFamily addressFamily, boolean only) {
            this.family = addressFamily;
            this.onlyFamily = only;
            return this;
        }

        /** The host is this VPC origin's private endpoint. */
        Builder vpcOrigin(String id) {
            this.vpcOriginId = Optional.of(id);
            return this;
        }

        ProbeTarget build() {
            boolean tls = scheme == Scheme.HTTPS;
            return new ProbeTarget("origin-1", scheme, host, port, tls ? Optional.of(sni) : Optional.empty(), sni,
                    new java.util.LinkedHashSet<>(List.of(sni, host)), versions, connectTimeout, attempts, readTimeout, "/", headers, List.of("*"), family, onlyFamily,
                    vpcOriginId);
        }
    }
}

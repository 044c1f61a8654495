package dev.cfoc.probe;

import dev.cfoc.sample.LocalPorts;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One run's connections on a refused loopback port: which failures are shared, and which are not. */
class ConnectOnceTest {

    private static final List<InetAddress> LOOPBACK = List.of(InetAddress.getLoopbackAddress());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aRefusedPort_isTriedOnce_andItsFailureIsSharedWithTheNextProbe() {
        ConnectOnce connections = new ConnectOnce();
        int closedPort = LocalPorts.closedPort();

        ConnectOnce.Result first = connections.connect(LOOPBACK, closedPort, TIMEOUT, 2, Deadline.none());
        ConnectOnce.Result second = connections.connect(LOOPBACK, closedPort, TIMEOUT, 2, Deadline.none());

        assertThat(first.shared()).isFalse();
        assertThat(first.outcome().attempts()).hasSize(2);
        assertThat(second.shared()).isTrue();
        assertThat(second.outcome()).isSameAs(first.outcome());
    }

    @Test
    void aFailureCutByTheRunsDeadline_isNotShared_theNextProbeConnectsItself() {
        ConnectOnce connections = new ConnectOnce();
        int closedPort = LocalPorts.closedPort();

        ConnectOnce.Result cut = connections.connect(LOOPBACK, closedPort, TIMEOUT, 2, Deadline.after(Duration.ZERO));
        ConnectOnce.Result next = connections.connect(LOOPBACK, closedPort, TIMEOUT, 2, Deadline.none());

        assertThat(cut.outcome()).isInstanceOfSatisfying(TcpConnector.NotConnected.class,
                failed -> assertThat(failed.cutByDeadline()).isTrue());
        assertThat(next.shared()).isFalse();
        assertThat(next.outcome()).isInstanceOfSatisfying(TcpConnector.NotConnected.class,
                failed -> assertThat(failed.cutByDeadline()).isFalse());
        assertThat(next.outcome().attempts()).hasSize(2);
    }

    @Test
    void otherConnectionSettings_areAnotherConnection() {
        ConnectOnce connections = new ConnectOnce();
        int closedPort = LocalPorts.closedPort();

        connections.connect(LOOPBACK, closedPort, TIMEOUT, 2, Deadline.none());
        ConnectOnce.Result fewerAttempts = connections.connect(LOOPBACK, closedPort, TIMEOUT, 1, Deadline.none());

        assertThat(fewerAttempts.shared()).isFalse();
        assertThat(fewerAttempts.outcome().attempts()).hasSize(1);
    }
}

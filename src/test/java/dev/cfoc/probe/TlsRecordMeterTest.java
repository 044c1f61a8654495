package dev.cfoc.probe;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The meter on byte streams of real TLS record framing: what passes, where it stops and what it says. */
class TlsRecordMeterTest {

    private static final int HANDSHAKE = 22;
    private static final int ALERT = 21;
    private static final int APPLICATION_DATA = 23;

    @Test
    void aHandshakeOfNormalSize_passesWhole_andIsTalliedByMessage() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(record(HANDSHAKE, message(2, 70)));               // ServerHello
        byte[] certificate = message(11, 60_000);                       // a long chain, in four records
        for (int at = 0; at < certificate.length; at += 16_384) {
            wire.writeBytes(record(HANDSHAKE, slice(certificate, at, Math.min(16_384, certificate.length - at))));
        }
        wire.writeBytes(record(HANDSHAKE, concat(message(12, 300), message(14, 0)))); // ServerKeyExchange, Done

        TlsRecordMeter meter = new TlsRecordMeter(new ByteArrayInputStream(wire.toByteArray()));

        assertThat(meter.readAllBytes()).hasSize(wire.size());
        assertThat(meter.exceeded()).isEmpty();

        // the tally shows once a bound is passed: the same handshake, then HelloRequests without end
        int records = 6; // ServerHello, Certificate in four, ServerKeyExchange with ServerHelloDone
        for (; records <= TlsRecordMeter.MAX_HANDSHAKE_RECORDS; records++) {
            wire.writeBytes(record(HANDSHAKE, message(0, 0)));
        }
        TlsRecordMeter.Tally tally = catchThrowableOfType(TlsRecordMeter.LimitExceeded.class,
                new TlsRecordMeter(new ByteArrayInputStream(wire.toByteArray()))::readAllBytes).tally();
        assertThat(tally.messages()).as("the Certificate message in four records is one message")
                .containsExactly(Map.entry("server_hello", 1L), Map.entry("certificate", 1L),
                        Map.entry("server_key_exchange", 1L), Map.entry("server_hello_done", 1L),
                        Map.entry("hello_request", (long) TlsRecordMeter.MAX_HANDSHAKE_RECORDS - 6));
        assertThat(tally.recordCount()).isEqualTo(TlsRecordMeter.MAX_HANDSHAKE_RECORDS + 1);
        assertThat(tally.bytes()).as("up to the header of the record past the bound").isEqualTo(wire.size() - 4);
    }

    @Test
    void recordsBeyondTheHandshakesBound_stopReading_withWhatWasSent() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(record(HANDSHAKE, message(2, 70)));
        for (int i = 0; i < 5000; i++) {
            wire.writeBytes(record(HANDSHAKE, message(0, 0))); // HelloRequest
        }
        TlsRecordMeter meter = new TlsRecordMeter(new ByteArrayInputStream(wire.toByteArray()));

        TlsRecordMeter.LimitExceeded stopped = catchThrowableOfType(TlsRecordMeter.LimitExceeded.class,
                meter::readAllBytes);

        TlsRecordMeter.Tally tally = stopped.tally();
        assertThat(tally.phase()).isEqualTo(TlsRecordMeter.Phase.HANDSHAKE);
        assertThat(tally.recordCount()).isEqualTo(TlsRecordMeter.MAX_HANDSHAKE_RECORDS + 1);
        assertThat(tally.bound()).contains(TlsRecordMeter.MAX_HANDSHAKE_RECORDS + " records");
        assertThat(tally.records()).containsExactly(java.util.Map.entry("handshake",
                (long) TlsRecordMeter.MAX_HANDSHAKE_RECORDS + 1));
        assertThat(tally.messages()).containsEntry("server_hello", 1L).containsKey("hello_request");
        assertThat(meter.exceeded()).contains(tally);
    }

    @Test
    void bytesBeyondTheHandshakesBound_stopReading_evenInFewRecords() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] huge = message(11, 3 * 1024 * 1024);
        for (int at = 0; at < huge.length; at += 16_384) {
            wire.writeBytes(record(HANDSHAKE, slice(huge, at, Math.min(16_384, huge.length - at))));
        }
        TlsRecordMeter meter = new TlsRecordMeter(new ByteArrayInputStream(wire.toByteArray()));

        TlsRecordMeter.LimitExceeded stopped = catchThrowableOfType(TlsRecordMeter.LimitExceeded.class,
                meter::readAllBytes);

        assertThat(stopped.tally().bytes()).isGreaterThan(TlsRecordMeter.MAX_HANDSHAKE_BYTES)
                .isLessThan(TlsRecordMeter.MAX_HANDSHAKE_BYTES + 64 * 1024L);
        assertThat(stopped.tally().bound()).contains(TlsRecordMeter.MAX_HANDSHAKE_BYTES / 1024 + " KiB");
        assertThat(stopped.getMessage()).isEqualTo("the origin sent more than 384 KiB during the TLS handshake");
    }

    @Test
    void afterTheHandshake_aResponseOfOneRecordPerByte_passes_butAlertsWithoutEndStop() throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        for (int i = 0; i < 70_000; i++) {
            response.writeBytes(record(APPLICATION_DATA, new byte[25])); // one encrypted byte each
        }
        TlsRecordMeter dataMeter = new TlsRecordMeter(new ByteArrayInputStream(response.toByteArray()));
        dataMeter.startResponse();
        assertThat(dataMeter.readAllBytes()).hasSize(response.size());

        ByteArrayOutputStream alerts = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            alerts.writeBytes(record(ALERT, new byte[] {1, 112}));
        }
        TlsRecordMeter alertMeter = new TlsRecordMeter(new ByteArrayInputStream(alerts.toByteArray()));
        alertMeter.startResponse();
        TlsRecordMeter.LimitExceeded stopped = catchThrowableOfType(TlsRecordMeter.LimitExceeded.class,
                alertMeter::readAllBytes);
        assertThat(stopped.tally().phase()).isEqualTo(TlsRecordMeter.Phase.RESPONSE);
        assertThat(stopped.tally().recordCount()).isEqualTo(TlsRecordMeter.MAX_RESPONSE_OTHER_RECORDS + 1);
        assertThat(stopped.tally().messages()).containsOnlyKeys("alert warning unrecognized_name(112)");
    }

    @Test
    void afterItStopped_everyReadFails() {
        ByteArrayOutputStream alerts = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            alerts.writeBytes(record(ALERT, new byte[] {1, 0}));
        }
        TlsRecordMeter stopped = new TlsRecordMeter(new ByteArrayInputStream(alerts.toByteArray()));
        stopped.startResponse();
        catchThrowableOfType(TlsRecordMeter.LimitExceeded.class, stopped::readAllBytes);

        assertThat(catchThrowableOfType(TlsRecordMeter.LimitExceeded.class, stopped::read)).isNotNull();
    }

    private static byte[] record(int type, byte[] payload) {
        byte[] record = new byte[5 + payload.length];
        record[0] = (byte) type;
        record[1] = 3;
        record[2] = 3;
        record[3] = (byte) (payload.length >> 8);
        record[4] = (byte) payload.length;
        System.arraycopy(payload, 0, record, 5, payload.length);
        return record;
    }

    private static byte[] message(int type, int length) {
        byte[] message = new byte[4 + length];
        message[0] = (byte) type;
        message[1] = (byte) (length >> 16);
        message[2] = (byte) (length >> 8);
        message[3] = (byte) length;
        return message;
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        return java.util.Arrays.copyOfRange(bytes, from, from + length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

package dev.cfoc.demo;

import java.time.Duration;
import java.util.Optional;

/**
 * How a sample origin answers a request: a status, after a delay, optionally as a hostile origin would (a Location,
 * megabytes of header, a body that never ends, one byte at a time).
 *
 * @param headerPaddingBytes bytes of extra header lines ({@code X-Padding: xxx…}), streamed, never held in memory
 * @param endlessBody        after the head, send body bytes until the client hangs up
 * @param byteInterval       when present, the response is written one byte per write (over TLS: one record per
 *                           byte) with this pause after each; when empty, all at once
 */
record HttpAnswer(int status, Duration delay, Optional<String> location, long headerPaddingBytes, boolean endlessBody,
                  Optional<Duration> byteInterval) {

    static HttpAnswer of(int status, Duration delay) {
        return new HttpAnswer(status, delay, Optional.empty(), 0, false, Optional.empty());
    }
}

package dev.cfoc.config;

/**
 * An origin custom header. The value is often a shared secret (X-Origin-Verify): it is sent on the HTTP
 * probe and never printed, logged or published; {@link #toString()} redacts it.
 */
public record CustomHeader(String name, Secret value) {

    @Override
    public String toString() {
        return name + ": " + Secret.REDACTED;
    }
}

package dev.cfoc.plan;

/** The scheme of an origin connection. */
public enum Scheme {
    HTTP, HTTPS;

    public String lower() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.cfoc.lambda;

/** The function's defaults in template.yaml, which the local {@code invoke} runner uses too (a test keeps them equal). */
public final class FunctionDefaults {

    public static final String FUNCTION_NAME = "cloudfront-origin-checker";
    /** Memory (and so CPU share): hundreds of concurrent TLS handshakes with Bouncy Castle are CPU-bound. */
    public static final int MEMORY_MB = 2048;
    /** Lambda's maximum: a run lasts about as long as its slowest origin, up to 3 × 10 s connect + 120 s read. */
    public static final int TIMEOUT_SECONDS = 900;
    public static final String HANDLER = "dev.cfoc.lambda.CheckHandler::handleRequest";

    private FunctionDefaults() {
    }
}

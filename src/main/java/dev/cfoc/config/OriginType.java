package dev.cfoc.config;

/** How CloudFront reaches an origin: a custom origin, an S3 REST origin, or a private VPC origin. */
public sealed interface OriginType {

    /** CustomOriginConfig (also S3 website endpoints, which are custom origins). */
    record Custom(CustomOriginConfig config) implements OriginType {
    }

    /**
     * S3OriginConfig: an S3 REST endpoint, always HTTPS 443 with TLS 1.2.
     *
     * @param readTimeoutSeconds S3OriginConfig.OriginReadTimeout (1–120, default 30)
     */
    record S3(int readTimeoutSeconds) implements OriginType {

        public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

        public S3() {
            this(DEFAULT_READ_TIMEOUT_SECONDS);
        }
    }

    /**
     * VpcOriginConfig: private, not reachable from outside the VPC.
     *
     * @param readTimeoutSeconds VpcOriginConfig.OriginReadTimeout (1–120, default 30)
     */
    record Vpc(String vpcOriginId, int readTimeoutSeconds) implements OriginType {

        public static final int DEFAULT_READ_TIMEOUT_SECONDS = 30;

        public Vpc(String vpcOriginId) {
            this(vpcOriginId, DEFAULT_READ_TIMEOUT_SECONDS);
        }
    }
}

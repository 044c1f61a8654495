package dev.cfoc.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The CloudFront and SNS answers of {@link LocalWorld} for the {@code invoke} command's tests (another package). */
public final class InvokeFixture implements AutoCloseable {

    public static final String DISTRIBUTION_ID = LocalWorld.DISTRIBUTION_ID;
    public static final String OTHER_DISTRIBUTION_ID = LocalWorld.OTHER_DISTRIBUTION_ID;
    public static final String CHANGED_POLICY_ID = LocalWorld.CHANGED_POLICY_ID;
    public static final String SECRET_HEADER_VALUE = LocalWorld.SECRET_HEADER_VALUE;
    public static final String STAGING_ID = LocalWorld.STAGING_ID;
    public static final String TENANT_ID = LocalWorld.TENANT_ID;
    public static final String CONTINUOUS_DEPLOYMENT_POLICY_ID = LocalWorld.CONTINUOUS_DEPLOYMENT_POLICY_ID;
    public static final String TENANT_DOMAIN = LocalWorld.TENANT_DOMAIN;
    public static final String TOPIC_ARN = LocalWorld.TOPIC.value();
    public static final String ACCESS_KEY = LocalWorld.ACCESS_KEY;
    public static final String SECRET_KEY = LocalWorld.SECRET_KEY;

    private final LocalWorld world;

    private InvokeFixture(LocalWorld world) {
        this.world = world;
    }

    public static InvokeFixture start(Path dir) throws Exception {
        return new InvokeFixture(LocalWorld.start(dir));
    }

    public Path rootPem() {
        return world.rootPem;
    }

    /**
     * GetDistribution (both distributions), ListDistributions, the changed policy and who uses it, the tenant, as the
     * event files need them.
     */
    public void stubCloudFront(WireMockExtension api) {
        world.stubGetDistribution(api, CHANGED_POLICY_ID);
        world.stubGetOtherDistribution(api);
        world.stubListDistributions(api);
        LocalWorld.stubOriginRequestPolicy(api, CHANGED_POLICY_ID);
        LocalWorld.stubOriginRequestPolicyUsers(api, CHANGED_POLICY_ID);
        LocalWorld.stubTenant(api);
    }

    /** A staging copy of the main distribution, listed, and the continuous deployment policy naming it. */
    public void stubStaging(WireMockExtension api) {
        world.stubStaging(api);
    }

    public static void stubSnsAccepted(WireMockExtension api) {
        LocalWorld.stubSnsPublishAccepted(api);
    }

    public static void stubSnsDenied(WireMockExtension api) {
        LocalWorld.stubSnsPublishDenied(api);
    }

    public static List<Map<String, String>> publishRequests(WireMockExtension api) {
        return LocalWorld.publishRequests(api);
    }

    public static Map<String, String> attributes(Map<String, String> request) {
        return LocalWorld.attributes(request);
    }

    @Override
    public void close() {
        world.close();
    }
}

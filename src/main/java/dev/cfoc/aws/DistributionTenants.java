package dev.cfoc.aws;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionTenant;
import software.amazon.awssdk.services.cloudfront.model.DomainResult;

/**
 * Reads a distribution tenant (GetDistributionTenant): its parent (multi-tenant) distribution and its domains. A
 * tenant has no origins of its own: CloudFront reaches the parent's origins with the tenant's domains as Host values
 * (docs/cloudfront-rules.md#change-events).
 */
public final class DistributionTenants {

    /** A tenant as CloudFront serves it. */
    public record Tenant(String id, String distributionId, List<String> domains) {
        public Tenant {
            domains = List.copyOf(domains);
        }
    }

    /** What reading a tenant gave. */
    public sealed interface Lookup {
        record Found(Tenant tenant) implements Lookup {
        }

        /** @param reason what the API said, for a SOURCE_UNAVAILABLE finding */
        record Failed(String reason) implements Lookup {
        }
    }

    private final CloudFrontClient cloudFront;

    public DistributionTenants(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    public Lookup read(String tenantId) {
        DistributionTenant tenant;
        try {
            tenant = cloudFront.getDistributionTenant(r -> r.identifier(tenantId)).distributionTenant();
        } catch (SdkException e) {
            return new Lookup.Failed("GetDistributionTenant " + tenantId + ": " + SdkFailures.describe(e));
        }
        if (tenant == null || tenant.distributionId() == null || tenant.distributionId().isBlank()) {
            return new Lookup.Failed("GetDistributionTenant " + tenantId + ": the response names no parent distribution");
        }
        return new Lookup.Found(new Tenant(tenantId, tenant.distributionId(),
                tenant.domains().stream().map(DomainResult::domain).filter(d -> d != null && !d.isBlank()).toList()));
    }
}

package dev.cfoc.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionIdList;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;

/**
 * Reads distributions from the CloudFront API and hands each one on in the AWS CLI's JSON shape, so the file
 * loader maps API data with the same code and validation as a file. Failures after the SDK's retries become
 * {@link Unavailable} entries; nothing is dropped silently.
 */
public final class CloudFrontDistributionSource {

    /**
     * Decision: a guard against an endless listing (a marker that never advances). At CloudFront's default
     * page size of 100 this is 100,000 distributions, far above the account quota.
     */
    static final int MAX_LIST_PAGES = 1_000;

    private final CloudFrontClient cloudFront;

    public CloudFrontDistributionSource(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    /** Every distribution of the account (ListDistributions, all pages); disabled ones only when asked. */
    public SourceResult all(boolean includeDisabled) {
        var sourced = new ArrayList<SourcedDistribution>();
        var skipped = new ArrayList<String>();
        Optional<Unavailable> stopped = summaries(summary -> {
            if (includeDisabled || Boolean.TRUE.equals(summary.enabled())) {
                sourced.add(new SourcedDistribution(summary.id(), SdkJson.toTree(asOneItemList(summary))));
            } else {
                skipped.add(summary.id());
            }
        });
        return new SourceResult(sourced, stopped.stream().toList(), skipped);
    }

    /**
     * Every summary of ListDistributions, page by page, to {@code each}.
     *
     * @return where the listing stopped early ({@link Unavailable#UNLISTED}, with the reason), if it did
     */
    public Optional<Unavailable> summaries(Consumer<DistributionSummary> each) {
        Optional<String> marker = Optional.empty();
        Set<String> markersSeen = new HashSet<>();
        for (int page = 1; ; page++) {
            DistributionList list;
            try {
                list = listPage(marker);
            } catch (SdkException e) {
                return Optional.of(new Unavailable(Unavailable.UNLISTED, "ListDistributions failed on page " + page
                        + marker.map(m -> " (Marker " + m + ")").orElse("") + ", distributions from there on were "
                        + "not read: " + SdkFailures.describe(e)));
            }
            list.items().forEach(each);
            if (!Boolean.TRUE.equals(list.isTruncated())) {
                return Optional.empty();
            }
            Optional<String> next = Optional.ofNullable(list.nextMarker()).filter(m -> !m.isBlank());
            Optional<String> stop = stopReason(page, next, markersSeen);
            if (stop.isPresent()) {
                return Optional.of(new Unavailable(Unavailable.UNLISTED,
                        "ListDistributions stopped after page " + page + ": " + stop.get()));
            }
            marker = next;
        }
    }

    /** Why a truncated listing cannot go on after {@code page}, if it cannot: a guard against endless listings. */
    private static Optional<String> stopReason(int page, Optional<String> next, Set<String> markersSeen) {
        return Optional.ofNullable(next.isEmpty() ? "IsTruncated is true but NextMarker is missing"
                : !markersSeen.add(next.get()) ? "NextMarker " + next.get() + " was already listed"
                : page >= MAX_LIST_PAGES ? "more than " + MAX_LIST_PAGES + " pages" : null);
    }

    /**
     * The distributions that use a cache or origin request policy (ListDistributionsByCachePolicyId /
     * ListDistributionsByOriginRequestPolicyId, all pages), each read with GetDistribution: the API names them, nothing
     * else is listed. A listing that fails is one {@link Unavailable#UNLISTED} entry saying where it stopped.
     */
    public SourceResult byPolicy(PolicyKind kind, String policyId, boolean includeDisabled) {
        var ids = new ArrayList<String>();
        var unavailable = new ArrayList<Unavailable>();
        String operation = kind == PolicyKind.CACHE ? "ListDistributionsByCachePolicyId"
                : "ListDistributionsByOriginRequestPolicyId";
        Optional<String> marker = Optional.empty();
        Set<String> markersSeen = new HashSet<>();
        for (int page = 1; ; page++) {
            DistributionIdList list;
            try {
                list = policyUsersPage(kind, policyId, marker);
            } catch (SdkException e) {
                unavailable.add(new Unavailable(Unavailable.UNLISTED, operation + " " + policyId + " failed on page "
                        + page + ", the distributions using the policy from there on were not read: "
                        + SdkFailures.describe(e)));
                break;
            }
            ids.addAll(list.items());
            if (!Boolean.TRUE.equals(list.isTruncated())) {
                break;
            }
            Optional<String> next = Optional.ofNullable(list.nextMarker()).filter(m -> !m.isBlank());
            Optional<String> stop = stopReason(page, next, markersSeen);
            if (stop.isPresent()) {
                unavailable.add(new Unavailable(Unavailable.UNLISTED, operation + " " + policyId
                        + " stopped after page " + page + ": " + stop.get()));
                break;
            }
            marker = next;
        }
        SourceResult read = byIds(ids, includeDisabled);
        unavailable.addAll(read.unavailable());
        return new SourceResult(read.distributions(), unavailable, read.skippedDisabled());
    }

    private DistributionIdList policyUsersPage(PolicyKind kind, String policyId, Optional<String> marker) {
        DistributionIdList list = switch (kind) {
            case CACHE -> cloudFront.listDistributionsByCachePolicyId(r -> r.cachePolicyId(policyId)
                    .marker(marker.orElse(null))).distributionIdList();
            case ORIGIN_REQUEST -> cloudFront.listDistributionsByOriginRequestPolicyId(r -> r
                    .originRequestPolicyId(policyId).marker(marker.orElse(null))).distributionIdList();
        };
        if (list == null) {
            throw SdkException.create("the response has no DistributionIdList", null);
        }
        return list;
    }

    /**
     * The staging distributions whose domain names are {@code domainNames} (a continuous deployment policy names
     * them so), from the listing: no API call finds a distribution by its domain name.
     */
    public SourceResult stagingNamed(Set<String> domainNames, boolean includeDisabled) {
        SourceResult all = all(includeDisabled);
        List<SourcedDistribution> named = all.distributions().stream()
                .filter(d -> domainNames.contains(d.awsCliShape().path("DistributionList").path("Items").path(0)
                        .path("DomainName").asText()))
                .toList();
        return new SourceResult(named, all.unavailable(), List.of());
    }

    /**
     * The given distributions (GetDistribution each, duplicates read once). Disabled ones are skipped unless
     * {@code includeDisabled}: they serve no traffic, so they cannot return 502.
     */
    public SourceResult byIds(List<String> ids, boolean includeDisabled) {
        var sourced = new ArrayList<SourcedDistribution>();
        var unavailable = new ArrayList<Unavailable>();
        var skipped = new ArrayList<String>();
        for (String id : new LinkedHashSet<>(ids)) {
            GetDistributionResponse response;
            try {
                response = cloudFront.getDistribution(r -> r.id(id));
            } catch (SdkException e) {
                unavailable.add(new Unavailable(id, "GetDistribution " + id + ": " + SdkFailures.describe(e)));
                continue;
            }
            var distribution = response.distribution();
            if (distribution == null || distribution.distributionConfig() == null) {
                unavailable.add(new Unavailable(id, "GetDistribution " + id + ": the response has no DistributionConfig"));
            } else if (includeDisabled || Boolean.TRUE.equals(distribution.distributionConfig().enabled())) {
                sourced.add(new SourcedDistribution(id, SdkJson.toTree(response)));
            } else {
                skipped.add(id);
            }
        }
        return new SourceResult(sourced, unavailable, skipped);
    }

    /** {@link #byIds(List, boolean)} skipping disabled distributions. */
    public SourceResult byIds(List<String> ids) {
        return byIds(ids, false);
    }

    private DistributionList listPage(Optional<String> marker) {
        ListDistributionsResponse response = cloudFront.listDistributions(r -> marker.ifPresent(r::marker));
        if (response.distributionList() == null) {
            throw SdkException.create("the response has no DistributionList", null);
        }
        return response.distributionList();
    }

    /** The shape {@code aws cloudfront list-distributions} prints, holding just this distribution. */
    private static ListDistributionsResponse asOneItemList(DistributionSummary summary) {
        return ListDistributionsResponse.builder()
                .distributionList(DistributionList.builder()
                        .marker("")
                        .maxItems(1)
                        .isTruncated(false)
                        .quantity(1)
                        .items(summary)
                        .build())
                .build();
    }
}

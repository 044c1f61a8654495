package dev.cfoc.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
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
        var unavailable = new ArrayList<Unavailable>();
        var skipped = new ArrayList<String>();
        Optional<String> marker = Optional.empty();
        Set<String> markersSeen = new HashSet<>();
        for (int page = 1; ; page++) {
            DistributionList list;
            try {
                list = listPage(marker);
            } catch (SdkException e) {
                unavailable.add(new Unavailable(Unavailable.UNLISTED, "ListDistributions failed on page " + page
                        + marker.map(m -> " (Marker " + m + ")").orElse("") + ", distributions from there on were "
                        + "not read: " + SdkFailures.describe(e)));
                break;
            }
            for (DistributionSummary summary : list.items()) {
                if (includeDisabled || Boolean.TRUE.equals(summary.enabled())) {
                    sourced.add(new SourcedDistribution(summary.id(), SdkJson.toTree(asOneItemList(summary))));
                } else {
                    skipped.add(summary.id());
                }
            }
            if (!Boolean.TRUE.equals(list.isTruncated())) {
                break;
            }
            Optional<String> next = Optional.ofNullable(list.nextMarker()).filter(m -> !m.isBlank());
            String stop = next.isEmpty() ? "IsTruncated is true but NextMarker is missing"
                    : !markersSeen.add(next.get()) ? "NextMarker " + next.get() + " was already listed"
                    : page >= MAX_LIST_PAGES ? "more than " + MAX_LIST_PAGES + " pages" : null;
            if (stop != null) {
                unavailable.add(new Unavailable(Unavailable.UNLISTED,
                        "ListDistributions stopped after page " + page + ": " + stop));
                break;
            }
            marker = next;
        }
        return new SourceResult(sourced, unavailable, skipped);
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

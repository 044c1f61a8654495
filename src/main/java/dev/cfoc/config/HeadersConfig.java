package dev.cfoc.config;

import java.util.List;

/**
 * The HeadersConfig of a cache policy or an origin request policy.
 *
 * @param behavior the API's HeaderBehavior: none, whitelist, allViewer, allViewerAndWhitelistCloudFront, allExcept
 * @param headers  Headers.Items
 */
public record HeadersConfig(String behavior, List<String> headers) {

    public HeadersConfig {
        headers = List.copyOf(headers);
    }

    public boolean lists(String header) {
        return headers.stream().anyMatch(h -> h.equalsIgnoreCase(header));
    }
}

package dev.cfoc.config;

import dev.cfoc.plan.TlsVersion;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The enums that own the API's value lists: what they accept, how messages list them, what the values mean. */
class ApiValueTest {

    @Test
    void values_areFoundByTheirApiSpellingOnly() {
        assertThat(ApiValue.find(ViewerProtocolPolicy.class, "redirect-to-https"))
                .contains(ViewerProtocolPolicy.REDIRECT_TO_HTTPS);
        assertThat(ApiValue.find(ViewerProtocolPolicy.class, "REDIRECT_TO_HTTPS")).isEmpty();
        assertThat(ApiValue.find(OriginProtocolPolicy.class, "HTTPS-only")).isEmpty();
    }

    @Test
    void listed_isEveryValueInDeclarationOrder() {
        assertThat(ApiValue.listed(OriginProtocolPolicy.class)).isEqualTo("http-only, https-only, match-viewer");
        assertThat(ApiValue.listed(ViewerProtocolPolicy.class)).isEqualTo("allow-all, https-only, redirect-to-https");
        assertThat(ApiValue.listed(OriginSslProtocol.class)).isEqualTo("SSLv3, TLSv1, TLSv1.1, TLSv1.2");
        assertThat(ApiValue.listed(EdgeFunction.EventType.class))
                .isEqualTo("viewer-request, viewer-response, origin-request, origin-response");
    }

    @Test
    void everyOriginSslProtocol_isATlsVersionThePlannerKnows() {
        // the planner maps the configured strings by TlsVersion.apiName: a value it did not know would be dropped
        assertThat(Arrays.stream(OriginSslProtocol.values()).map(OriginSslProtocol::apiValue))
                .allSatisfy(value -> assertThat(TlsVersion.values()).extracting(TlsVersion::apiName).contains(value));
    }

    @Test
    void defaultOriginSslProtocols_areSslv3AndTls10() {
        assertThat(CustomOriginConfig.DEFAULT_ORIGIN_SSL_PROTOCOLS).containsExactly("SSLv3", "TLSv1");
    }

    @Test
    void onlyRequestSideFunctions_runBeforeTheOriginRequest() {
        assertThat(Arrays.stream(EdgeFunction.EventType.values())
                .filter(type -> function(type.apiValue()).runsBeforeOriginRequest())
                .map(EdgeFunction.EventType::apiValue))
                .containsExactly("viewer-request", "origin-request");
        assertThat(function("Viewer-Request").runsBeforeOriginRequest()).isFalse();
    }

    private static EdgeFunction function(String eventType) {
        return new EdgeFunction(EdgeFunction.Kind.CLOUDFRONT_FUNCTION, eventType,
                "arn:aws:cloudfront::123456789012:function/rewrite");
    }
}

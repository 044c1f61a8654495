package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TENANT = "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB";
    private final TriggerParser parser = new TriggerParser();

    @Test
    void scheduledEventFile_isScheduled() throws Exception {
        assertThat(parser.parse(file("scheduled.json"))).isEqualTo(new Trigger.Scheduled());
    }

    @Test
    void cloudTrailUpdateDistributionFile_namesTheDistribution() throws Exception {
        assertThat(parser.parse(file("cloudtrail-update-distribution.json")))
                .isEqualTo(new Trigger.DistributionChanged("E2QWRUHAPOMQZL", "UpdateDistribution"));
    }

    @Test
    void cloudTrailPolicyUpdateFile_namesThePolicy() throws Exception {
        assertThat(parser.parse(file("cloudtrail-update-origin-request-policy.json")))
                .isEqualTo(new Trigger.PolicyChanged(Trigger.PolicyKind.ORIGIN_REQUEST_POLICY,
                        "1d3c5e7a-9b2f-4d6e-8a0c-2e4f6a8b0c1d", "UpdateOriginRequestPolicy"));
    }

    @Test
    void associateAliasFile_namesTheTargetDistribution_aUriParameterCloudTrailRecordsAsTargetDistributionId()
            throws Exception {
        assertThat(parser.parse(file("cloudtrail-associate-alias.json")))
                .isEqualTo(new Trigger.DistributionChanged("E2QWRUHAPOMQZL", "AssociateAlias"));
    }

    @Test
    void domainAssociationFile_toATenant_isATenantChange() throws Exception {
        assertThat(parser.parse(file("cloudtrail-update-domain-association.json")))
                .isEqualTo(new Trigger.TenantChanged(TENANT, "UpdateDomainAssociation"));
    }

    @Test
    void domainAssociation_toADistribution_isADistributionChange() throws Exception {
        JsonNode event = cloudTrail("""
                {"eventName": "UpdateDomainAssociation", "requestParameters": {"domain": "www.example.com",
                 "targetResource": {"distributionId": "E2QWRUHAPOMQZL"}, "ifMatch": "E1YHBLAB2BJY1G"},
                 "responseElements": {"domain": "www.example.com", "resourceId": "E2QWRUHAPOMQZL"}}""");
        assertThat(parser.parse(event)).isEqualTo(new Trigger.DistributionChanged("E2QWRUHAPOMQZL",
                "UpdateDomainAssociation"));
    }

    @Test
    void tenantFiles_areTenantChanges_notIgnored() throws Exception {
        assertThat(parser.parse(file("cloudtrail-create-distribution-tenant.json")))
                .isEqualTo(new Trigger.TenantChanged(TENANT, "CreateDistributionTenant"));
        assertThat(parser.parse(file("cloudtrail-update-distribution-tenant.json")))
                .isEqualTo(new Trigger.TenantChanged(TENANT, "UpdateDistributionTenant"));
    }

    @Test
    void createdTenantWithoutAResponse_checksItsParent() throws Exception {
        JsonNode event = cloudTrail("""
                {"eventName": "CreateDistributionTenant", "requestParameters": {"distributionId": "E2QWRUHAPOMQZL",
                 "name": "tenant-a", "domains": [{"domain": "tenant-a.example.net"}]}, "responseElements": null}""");
        assertThat(parser.parse(event)).isEqualTo(new Trigger.DistributionChanged("E2QWRUHAPOMQZL",
                "CreateDistributionTenant"));
    }

    @Test
    void continuousDeploymentPolicyFile_namesThePolicy() throws Exception {
        assertThat(parser.parse(file("cloudtrail-update-continuous-deployment-policy.json")))
                .isEqualTo(new Trigger.ContinuousDeploymentChanged("2e4b6d8f-0a1c-4e3f-9b5d-7c9e1f3a5b7d",
                        "UpdateContinuousDeploymentPolicy"));
    }

    @Test
    void aValueCloudTrailHides_isNotTakenForAnId() throws Exception {
        JsonNode event = cloudTrail("""
                {"eventName": "AssociateAlias", "requestParameters": {"targetDistributionId":
                 "HIDDEN_DUE_TO_SECURITY_REASONS", "alias": "www.example.com"}, "responseElements": null}""");
        assertThatThrownBy(() -> parser.parse(event)).isInstanceOf(EventException.class)
                .hasMessageContaining("$.detail.requestParameters.targetDistributionId")
                .hasMessageContaining("is not a CloudFront distribution id");
    }

    @Test
    void everyCloudTrailFile_looksLikeARealRecord() throws Exception {
        try (var files = java.nio.file.Files.list(Path.of("events"))) {
            for (Path path : files.filter(p -> p.getFileName().toString().startsWith("cloudtrail-")).toList()) {
                JsonNode detail = JSON.readTree(path.toFile()).get("detail");
                assertThat(detail.fieldNames()).toIterable().as(path.toString()).contains("eventVersion",
                        "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress",
                        "userAgent", "requestParameters", "responseElements", "requestID", "eventID", "readOnly",
                        "eventType", "apiVersion", "managementEvent", "recipientAccountId", "eventCategory");
                assertThat(detail.get("apiVersion").asText()).as(path.toString()).isEqualTo("2020_05_31");
                assertThat(detail.get("awsRegion").asText()).as("global service events: us-east-1").isEqualTo("us-east-1");
                assertThat(parser.parse(JSON.readTree(path.toFile()))).as(path.toString())
                        .isNotInstanceOf(Trigger.Ignored.class);
            }
        }
        assertThat(file("cloudtrail-update-distribution.json").path("detail").path("requestParameters")
                .path("distributionConfig").path("comment").asText())
                .as("CloudTrail hides values the API marks sensitive").isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
    }

    @Test
    void manualEventFile_listsIds() throws Exception {
        assertThat(parser.parse(file("manual.json")))
                .isEqualTo(new Trigger.Manual(java.util.List.of("E2QWRUHAPOMQZL"), false));
    }

    @Test
    void createDistribution_takesTheNewIdFromTheResponse() throws Exception {
        JsonNode event = cloudTrail("""
                {"eventSource": "cloudfront.amazonaws.com", "eventName": "CreateDistributionWithTags",
                 "requestParameters": {"distributionConfigWithTags": {}},
                 "responseElements": {"distribution": {"id": "E1NEWDISTRO99"}}}""");
        assertThat(parser.parse(event)).isEqualTo(new Trigger.DistributionChanged("E1NEWDISTRO99", "CreateDistributionWithTags"));
    }

    @Test
    void versionSuffixedEventName_meansTheSameCall() throws Exception {
        JsonNode event = cloudTrail("""
                {"eventName": "UpdateDistribution2020_05_31", "requestParameters": {"id": "E2QWRUHAPOMQZL"}}""");
        assertThat(parser.parse(event)).isEqualTo(new Trigger.DistributionChanged("E2QWRUHAPOMQZL", "UpdateDistribution"));
    }

    @Test
    void failedApiCall_isIgnoredWithAReason() throws Exception {
        JsonNode event = cloudTrail("""
                {"eventName": "UpdateDistribution", "errorCode": "PreconditionFailed",
                 "errorMessage": "The If-Match version is missing or not valid.",
                 "requestParameters": {"id": "E2QWRUHAPOMQZL"}, "responseElements": null}""");
        assertThat(parser.parse(event)).isInstanceOfSatisfying(Trigger.Ignored.class,
                i -> assertThat(i.reason()).contains("PreconditionFailed"));
    }

    @Test
    void unrelatedCloudFrontCall_isIgnored() throws Exception {
        assertThat(parser.parse(cloudTrail("{\"eventName\": \"CreateInvalidation\"}"))).isInstanceOf(Trigger.Ignored.class);
    }

    @Test
    void unknownEvent_saysWhatWasExpected() {
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"Records\": [{\"eventSource\": \"aws:s3\"}]}")))
                .isInstanceOf(EventException.class).hasMessageContaining("Scheduled Event")
                .hasMessageContaining("distributionIds");
    }

    @Test
    void manualEventWithBadId_namesTheField() {
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"distributionIds\": [\"E2QWRUHAPOMQZL\", 42]}")))
                .isInstanceOf(EventException.class).hasMessageContaining("$.distributionIds[1]");
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"distributionIds\": [\"not an id\"]}")))
                .isInstanceOf(EventException.class).hasMessageContaining("is not a CloudFront distribution id");
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"distributionIds\": []}")))
                .isInstanceOf(EventException.class).hasMessageContaining("at least one");
    }

    @Test
    void hugeFieldValues_areShortenedInMessages() throws Exception {
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> parser.parse(JSON.readTree("{\"detail-type\": \"" + huge + "\", \"source\": \"s\"}")))
                .isInstanceOf(EventException.class).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1_000));
        Trigger ignored = parser.parse(cloudTrail("{\"eventName\": \"" + huge + "\"}"));
        assertThat(((Trigger.Ignored) ignored).reason()).hasSizeLessThan(1_000);
    }

    @Test
    void manualAll_isAccepted() throws Exception {
        assertThat(parser.parse(JSON.readTree("{\"all\": true}"))).isEqualTo(new Trigger.Manual(java.util.List.of(), true));
    }

    @Test
    void nonObjectEvent_isRejected() {
        assertThatThrownBy(() -> parser.parse(JSON.readTree("[1,2]"))).isInstanceOf(EventException.class)
                .hasMessageContaining("not a JSON object");
    }

    private static JsonNode file(String name) throws Exception {
        return JSON.readTree(Path.of("events", name).toFile());
    }

    private static JsonNode cloudTrail(String detail) throws Exception {
        return JSON.readTree("{\"detail-type\": \"AWS API Call via CloudTrail\", \"source\": \"aws.cloudfront\", "
                + "\"detail\": " + detail + "}");
    }
}

package dev.cfoc.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alarm, the dashboard and the SUPPRESSIONS parameter of template.yaml agree with the code. */
class TemplateOperabilityTest {

    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new YAMLMapper().readTree(Path.of("template.yaml").toFile());
    }

    private static JsonNode resource(String name) {
        return template.get("Resources").get(name);
    }

    @Test
    void alarm_watchesTheErrorMetricTheFunctionEmits_andNotifiesTheFindingsTopic() {
        JsonNode alarm = resource("ErrorFindingsAlarm");
        assertThat(alarm.get("Type").asText()).isEqualTo("AWS::CloudWatch::Alarm");
        JsonNode p = alarm.get("Properties");
        assertThat(p.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        assertThat(p.get("MetricName").asText()).isEqualTo(EmfMetrics.FINDINGS_ERROR);
        assertThat(p.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(p.get("Threshold").asInt()).isZero();
        assertThat(p.get("TreatMissingData").asText()).isEqualTo("notBreaching");
        assertThat(p.get("AlarmActions").get(0).asText()).isEqualTo("FindingsTopic");
    }

    @Test
    void notCheckedAlarm_watchesTheNotCheckedMetric_andNotifiesTheFindingsTopic() {
        JsonNode p = resource("NotCheckedAlarm").get("Properties");
        assertThat(p.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        assertThat(p.get("MetricName").asText()).isEqualTo(EmfMetrics.NOT_CHECKED);
        assertThat(p.get("ComparisonOperator").asText()).isEqualTo("GreaterThanThreshold");
        assertThat(p.get("Threshold").asInt()).isZero();
        assertThat(p.get("AlarmActions").get(0).asText()).isEqualTo("FindingsTopic");
        assertThat(p.get("OKActions").get(0).asText()).isEqualTo("FindingsTopic");
    }

    @Test
    void errorAlarm_namesTheStatusesViewersSee() {
        assertThat(resource("ErrorFindingsAlarm").get("Properties").get("AlarmDescription").asText())
                .contains("502 Bad Gateway", "504 Gateway Timeout", "firewall");
    }

    @Test
    void failedRuns_lambdaErrorsAndThrottles_eachHaveAnAlarmOnTheFindingsTopic() {
        assertAlarm("FailureQueueAlarm", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName");
        assertThat(resource("FailureQueueAlarm").get("Properties").get("Dimensions").get(0).get("Value").asText())
                .isEqualTo("FailureQueue.QueueName");
        assertAlarm("FunctionErrorsAlarm", "AWS/Lambda", "Errors", "FunctionName");
        assertAlarm("FunctionThrottlesAlarm", "AWS/Lambda", "Throttles", "FunctionName");
        assertThat(resource("FunctionErrorsAlarm").get("Properties").get("Dimensions").get(0).get("Value").asText())
                .isEqualTo("CheckerFunction");
    }

    private static void assertAlarm(String name, String namespace, String metric, String dimension) {
        JsonNode p = resource(name).get("Properties");
        assertThat(p.get("Namespace").asText()).as(name).isEqualTo(namespace);
        assertThat(p.get("MetricName").asText()).as(name).isEqualTo(metric);
        assertThat(p.get("Dimensions").get(0).get("Name").asText()).as(name).isEqualTo(dimension);
        assertThat(p.get("ComparisonOperator").asText()).as(name).isEqualTo("GreaterThanThreshold");
        assertThat(p.get("Threshold").asInt()).as(name).isZero();
        assertThat(p.get("AlarmActions").get(0).asText()).as(name).isEqualTo("FindingsTopic");
    }

    @Test
    void heartbeat_firesWhenNoRunCompletedWithinHeartbeatMinutes_missingDataBreaching() {
        JsonNode p = resource("HeartbeatAlarm").get("Properties");
        assertThat(p.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        assertThat(p.get("MetricName").asText()).isEqualTo(EmfMetrics.RUNS_COMPLETED);
        assertThat(p.get("Statistic").asText()).isEqualTo("Sum");
        assertThat(p.get("Period").asInt()).isEqualTo(60);
        assertThat(p.get("EvaluationPeriods").asText()).isEqualTo("HeartbeatMinutes");
        assertThat(p.get("DatapointsToAlarm").asText()).isEqualTo("HeartbeatMinutes");
        assertThat(p.get("ComparisonOperator").asText()).isEqualTo("LessThanThreshold");
        assertThat(p.get("Threshold").asInt()).isEqualTo(1);
        assertThat(p.get("TreatMissingData").asText()).isEqualTo("breaching");
        JsonNode minutes = template.get("Parameters").get("HeartbeatMinutes");
        assertThat(minutes.get("Default").asInt()).as("twice the default schedule, rate(1 hour)").isEqualTo(120);
        assertThat(template.get("Parameters").get("ScheduleExpression").get("Default").asText())
                .isEqualTo("rate(1 hour)");
        assertThat(minutes.get("MaxValue").asInt() * 60).as("CloudWatch: Period × EvaluationPeriods ≤ 1 day")
                .isLessThanOrEqualTo(86_400);
    }

    @Test
    void changeTriggerOutput_neverClaimsActive_theTrailIsNotTheStacks() {
        JsonNode value = template.get("Outputs").get("ChangeTrigger").get("Value");
        assertThat(value.get(0).asText()).isEqualTo("IsUsEast1");
        assertThat(value.get(1).asText()).doesNotStartWith("active").contains("CloudTrail trail",
                "global service events", "describe-trails", "get-event-selectors");
        assertThat(value.get(2).asText()).startsWith("inactive");
    }

    @Test
    void dashboard_isValidJson_showingOnlyMetricsTheFunctionEmits() throws IOException {
        JsonNode dashboard = resource("CheckerDashboard");
        assertThat(dashboard.get("Type").asText()).isEqualTo("AWS::CloudWatch::Dashboard");
        JsonNode sub = dashboard.get("Properties").get("DashboardBody");
        JsonNode variables = sub.get(1);
        assertThat(variables.get("CountStat")).as("!If [FanOutEnabled, Sum, Maximum]")
                .containsExactly(text("FanOutEnabled"), text("Sum"), text("Maximum"));
        assertThat(variables.get("CountPeriod").get(0).asText()).isEqualTo("FanOutEnabled");

        for (int choice = 1; choice <= 2; choice++) { // fan-out on, then off
            String body = sub.get(0).asText()
                    .replace("${AWS::Region}", "us-east-1")
                    .replace("${ErrorFindingsAlarm.Arn}", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:x")
                    .replace("${NotCheckedAlarm.Arn}", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:y")
                    .replace("${CountStat}", variables.get("CountStat").get(choice).asText())
                    .replace("${CountPeriod}", variables.get("CountPeriod").get(choice).asText());
            assertThat(body).doesNotContain("${");
            assertMetricsAreOurs(new ObjectMapper().readTree(body).get("widgets"));
        }
    }

    private static JsonNode text(String value) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(value);
    }

    private static void assertMetricsAreOurs(JsonNode widgets) {
        List<String> metricNames = new ArrayList<>();
        for (JsonNode widget : widgets) {
            JsonNode metrics = widget.get("properties").get("metrics");
            if (metrics == null) {
                continue;
            }
            for (JsonNode row : metrics) {
                if (row.get(0).isTextual()) {
                    assertThat(row.get(0).asText()).isIn(EmfMetrics.NAMESPACE, ".");
                    metricNames.add(row.get(1).asText());
                } else {
                    assertThat(row.get(0).get("expression").asText()).contains(EmfMetrics.NAMESPACE + ","
                            + EmfMetrics.CODE_DIMENSION).contains("MetricName=\"" + EmfMetrics.FINDINGS_BY_CODE + "\"");
                }
            }
        }
        assertThat(metricNames).containsExactlyInAnyOrder(EmfMetrics.FINDINGS_ERROR, EmfMetrics.FINDINGS_WARNING,
                EmfMetrics.FINDINGS_INFO, EmfMetrics.FINDINGS_SUPPRESSED, EmfMetrics.ORIGINS_CHECKED,
                EmfMetrics.DISTRIBUTIONS_CHECKED, EmfMetrics.NOT_CHECKED, EmfMetrics.RUN_DURATION_MS);
    }

    @Test
    void suppressionsParameter_reachesTheFunctionAsSuppressions() {
        assertThat(template.get("Parameters").get("Suppressions").get("Default").asText()).isEmpty();
        assertThat(resource("CheckerFunction").get("Properties").get("Environment").get("Variables")
                .get(LambdaSettings.SUPPRESSIONS).asText()).isEqualTo("Suppressions");
    }
}

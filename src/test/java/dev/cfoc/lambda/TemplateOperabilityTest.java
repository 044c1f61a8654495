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

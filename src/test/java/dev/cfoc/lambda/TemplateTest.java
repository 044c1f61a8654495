package dev.cfoc.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml and events/ agree with the code. CloudFormation's short tags (!Ref, !Sub, !GetAtt…) are read as
 * plain values: the test looks at names and literals, not at intrinsic functions.
 */
class TemplateTest {

    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final Path EVENTS = Path.of("events");
    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = new YAMLMapper().readTree(TEMPLATE.toFile());
    }

    private static JsonNode function() {
        return template.get("Resources").get("CheckerFunction").get("Properties");
    }

    @Test
    void handler_namesAPublicRequestStreamHandlerWithANoArgConstructor() throws Exception {
        String handler = function().get("Handler").asText();
        assertThat(handler).isEqualTo(FunctionDefaults.HANDLER);

        String[] classAndMethod = handler.split("::");
        Class<?> type = Class.forName(classAndMethod[0]);
        assertThat(RequestStreamHandler.class).isAssignableFrom(type);
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();
        assertThat(type.getMethod(classAndMethod[1], InputStream.class, OutputStream.class, Context.class)).isNotNull();
    }

    @Test
    void function_isJava21_withTheSizesTheLocalRunnerUses_andTheShadedJar() throws IOException {
        assertThat(template.get("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        assertThat(function().get("Runtime").asText()).isEqualTo("java21");
        assertThat(function().get("MemorySize").asInt()).isEqualTo(FunctionDefaults.MEMORY_MB);
        assertThat(function().get("Timeout").asInt()).isEqualTo(FunctionDefaults.TIMEOUT_SECONDS);
        assertThat(function().get("CodeUri").asText()).isEqualTo("target/cloudfront-origin-checker.jar");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>cloudfront-origin-checker</finalName>");
        assertThat(template.get("Parameters").get("ScheduleExpression").get("Default").asText()).isEqualTo("rate(1 hour)");
    }

    @Test
    void environment_setsEverySettingTheFunctionReads_andItsDefaultsAreValid() {
        JsonNode variables = function().get("Environment").get("Variables");
        assertThat(variables.fieldNames()).toIterable().containsExactlyInAnyOrder(LambdaSettings.TOPIC_ARN,
                LambdaSettings.MIN_SEVERITY, LambdaSettings.DISTRIBUTION_IDS, LambdaSettings.TRUST_ANCHORS,
                LambdaSettings.INCLUDE_DISABLED, LambdaSettings.EXPIRY_WARNING_DAYS, LambdaSettings.SUPPRESSIONS,
                LambdaSettings.ALLOW_PRIVATE_ORIGINS, FanOutSettings.FANOUT_QUEUE_URL, FanOutSettings.FANOUT_BATCH_SIZE,
                AlertStateSettings.STATE_TABLE, AlertStateSettings.REMIND_AFTER, LambdaFirewall.VPC_SUBNET_IDS,
                LambdaFirewall.VPC_SECURITY_GROUP_IDS);

        Map<String, String> defaults = new HashMap<>();
        JsonNode parameters = template.get("Parameters");
        variables.fields().forEachRemaining(v -> {
            JsonNode parameter = parameters.get(v.getValue().asText());
            if (parameter != null) {
                defaults.put(v.getKey(), parameter.get("Default").asText());
            }
        });
        assertThat(defaults).containsKeys(LambdaSettings.MIN_SEVERITY, LambdaSettings.DISTRIBUTION_IDS);
        assertThat(LambdaSettings.fromEnvironment(defaults)).isEqualTo(LambdaSettings.defaults());
    }

    @Test
    void iamActions_areExactlyWhatTheFunctionCalls_withoutWildcards() throws IOException {
        List<JsonNode> statements = statements();

        List<String> actions = statements.stream().flatMap(s -> strings(s.get("Action"))).toList();
        assertThat(actions.stream().filter(a -> a.startsWith("cloudfront:")))
                .as("one action per CloudFront call of src/main (and none for a call the code does not make)")
                .containsExactlyInAnyOrderElementsOf(cloudFrontCallsInTheCode());
        assertThat(actions.stream().filter(a -> !a.startsWith("cloudfront:"))).as("the dead-letter queue's "
                        + "sqs:SendMessage is SAM's (DeadLetterQueue): not repeated")
                .containsExactlyInAnyOrder("sns:Publish", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeInstances", "ec2:DescribeManagedPrefixLists",
                        "elasticloadbalancing:DescribeLoadBalancers", "ec2:GetManagedPrefixListEntries",
                        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                        "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");
        assertThat(actions).noneMatch(a -> a.contains("*"));
        assertThat(statements).allSatisfy(s -> assertThat(s.get("Effect").asText()).isEqualTo("Allow"));
        for (JsonNode statement : statements) {
            List<String> resources = strings(statement.get("Resource")).toList();
            if (resources.contains("*")) {
                assertThat(strings(statement.get("Action")).toList())
                        .as("only actions without resource-level permissions have Resource *")
                        .allMatch(a -> a.startsWith("cloudfront:List") || Set.of("ec2:DescribeSecurityGroups",
                                "ec2:DescribeInstances", "ec2:DescribeManagedPrefixLists",
                                "elasticloadbalancing:DescribeLoadBalancers", "ec2:CreateNetworkInterface",
                                "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
                                "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses").contains(a));
            }
        }
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.get("Action").asText()).isEqualTo("sns:Publish");
            assertThat(s.get("Resource").asText()).as("this stack's topic only").isEqualTo("FindingsTopic");
        });
    }

    @Test
    void stateTable_isOnDemand_withRecovery_ttlOnTheStoresExpiry_andAStringPk_reachableOnlyByTheFunction() {
        JsonNode table = template.get("Resources").get("StateTable");
        JsonNode properties = table.get("Properties");
        assertThat(table.get("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(properties.get("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(properties.get("PointInTimeRecoverySpecification").get("PointInTimeRecoveryEnabled").asBoolean())
                .isTrue();
        assertThat(properties.get("TimeToLiveSpecification").get("AttributeName").asText())
                .isEqualTo(dev.cfoc.aws.DynamoDbStateStore.EXPIRES_AT);
        assertThat(properties.get("TimeToLiveSpecification").get("Enabled").asBoolean()).isTrue();
        assertThat(properties.get("KeySchema")).singleElement().satisfies(k -> {
            assertThat(k.get("AttributeName").asText()).isEqualTo(dev.cfoc.aws.DynamoDbStateStore.PARTITION_KEY);
            assertThat(k.get("KeyType").asText()).isEqualTo("HASH");
        });
        assertThat(properties.get("AttributeDefinitions")).singleElement().satisfies(a -> {
            assertThat(a.get("AttributeName").asText()).isEqualTo("pk");
            assertThat(a.get("AttributeType").asText()).isEqualTo("S");
        });
        assertThat(function().get("Environment").get("Variables").get(AlertStateSettings.STATE_TABLE).asText())
                .isEqualTo("StateTable");
        assertThat(template.get("Parameters").get("RemindAfter").get("Default").asText()).isEqualTo("P1D");
        assertThat(statements()).filteredOn(s -> strings(s.get("Action")).anyMatch(a -> a.startsWith("dynamodb:")))
                .singleElement().satisfies(s -> assertThat(s.get("Resource").asText()).as("this table only")
                        .isEqualTo("StateTable.Arn"));
    }

    @Test
    void vpcAttachment_isOffByDefault_andItsAccessExistsOnlyWithIt() {
        JsonNode parameters = template.get("Parameters");
        assertThat(parameters.get("VpcSubnetIds").get("Default").asText()).isEmpty();
        assertThat(parameters.get("VpcSecurityGroupIds").get("Default").asText()).isEmpty();
        JsonNode vpcConfig = function().get("VpcConfig"); // !If [InVpc, {...}, !Ref AWS::NoValue], tags dropped
        assertThat(vpcConfig.get(0).asText()).isEqualTo("InVpc");
        assertThat(vpcConfig.get(2).asText()).isEqualTo("AWS::NoValue");
        JsonNode attach = rawStatements().stream().filter(s -> s.toString().contains("AttachToVpc")).findFirst()
                .orElseThrow();
        assertThat(attach.get(0).asText()).as("the VPC access exists only in a VPC").isEqualTo("InVpc");
        JsonNode variables = function().get("Environment").get("Variables");
        assertThat(variables.get(LambdaFirewall.VPC_SUBNET_IDS).toString()).contains("VpcSubnetIds");
        assertThat(variables.get(LambdaFirewall.VPC_SECURITY_GROUP_IDS).toString()).contains("VpcSecurityGroupIds");
    }

    @Test
    void everyEventFile_parsesIntoATrigger() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(EVENTS)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("scheduled.json",
                "cloudtrail-update-distribution.json", "cloudtrail-update-origin-request-policy.json", "manual.json");
        var parser = new TriggerParser();
        for (Path file : files) {
            Trigger trigger = parser.parse(new ObjectMapper().readTree(file.toFile()));
            assertThat(trigger).as(file.toString()).isNotInstanceOf(Trigger.Ignored.class);
        }
    }

    @Test
    void changeRule_matchesTheCloudTrailEventFiles_andEveryCallTheParserActsOn() throws Exception {
        JsonNode rule = function().get("Events").get("ConfigChange");
        assertThat(rule.get("Type").asText()).isEqualTo("EventBridgeRule");
        assertThat(template.get("Conditions").get("IsUsEast1")).isNotNull();
        JsonNode pattern = rule.get("Properties").get("Pattern");
        List<String> prefixes = StreamSupport.stream(pattern.get("detail").get("eventName").spliterator(), false)
                .map(m -> m.get("prefix").asText()).toList();

        for (String eventName : List.of("CreateDistribution", "CreateDistributionWithTags", "UpdateDistribution",
                "UpdateDistribution2020_05_31", "CopyDistribution", "UpdateDistributionWithStagingConfig",
                "AssociateAlias", "UpdateDomainAssociation", "UpdateContinuousDeploymentPolicy",
                "CreateDistributionTenant", "UpdateDistributionTenant", "UpdateCachePolicy",
                "UpdateOriginRequestPolicy2020_05_31")) {
            assertThat(prefixes).as(eventName).anyMatch(eventName::startsWith);
        }
        assertThat(pattern.get("detail").get("errorCode")).as("failed calls are dropped by the rule itself")
                .hasToString("[{\"exists\":false}]");
        List<Path> cloudTrailFiles;
        try (Stream<Path> list = Files.list(EVENTS)) {
            cloudTrailFiles = list.filter(p -> p.getFileName().toString().startsWith("cloudtrail-")).sorted().toList();
        }
        assertThat(cloudTrailFiles).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : cloudTrailFiles) {
            JsonNode event = new ObjectMapper().readTree(file.toFile());
            assertThat(strings(pattern.get("source")).toList()).contains(event.get("source").asText());
            assertThat(strings(pattern.get("detail-type")).toList()).contains(event.get("detail-type").asText());
            assertThat(strings(pattern.get("detail").get("eventSource")).toList())
                    .contains(event.get("detail").get("eventSource").asText());
            assertThat(prefixes).anyMatch(event.get("detail").get("eventName").asText()::startsWith);
        }
    }

    @Test
    void snapStart_onThePublishedAlias_withJsonLogsInTheStacksLogGroup() {
        assertThat(function().get("AutoPublishAlias").asText()).isEqualTo("live");
        assertThat(function().get("SnapStart").get("ApplyOn").asText()).isEqualTo("PublishedVersions");
        JsonNode logging = function().get("LoggingConfig");
        assertThat(logging.get("LogFormat").asText()).isEqualTo("JSON");
        assertThat(logging.get("LogGroup").asText()).isEqualTo("CheckerLogGroup");
    }

    @Test
    void settingsDigest_hashesExactlyTheFunctionsEnvironment_andDescribesThePublishedVersion() {
        JsonNode digest = template.get("Resources").get("SettingsDigest");
        assertThat(digest).as("the SettingsDigest resource").isNotNull();
        assertThat(digest.get("Type").asText()).isEqualTo("Custom::SettingsDigest");
        assertThat(digest.get("Properties").get("Variables"))
                .as("a variable missing here could change without publishing a version")
                .isEqualTo(function().get("Environment").get("Variables"));
        assertThat(function().get("VersionDescription").asText()).contains("${SettingsDigest}");
        assertThat(function().get("AutoPublishAliasAllProperties").asBoolean()).isTrue();
        assertThat(function().has("AutoPublishCodeSha256"))
                .as("it would replace SAM's hash of the code and of every property").isFalse();
    }

    @Test
    void failures_goToAQueue_logsAreKept_andEmailIsOptional() {
        JsonNode resources = template.get("Resources");
        assertThat(function().get("DeadLetterQueue").get("Type").asText()).isEqualTo("SQS");
        assertThat(resources.get("FailureQueue").get("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(resources.get("CheckerLogGroup").get("Properties").get("RetentionInDays").asText())
                .isEqualTo("LogRetentionDays");
        assertThat(resources.get("FindingsEmailSubscription").get("Condition").asText()).isEqualTo("HasAlertEmail");
        assertThat(template.get("Description").asText()).contains("us-east-1");
    }

    @Test
    void fanOut_isSwitchedByAParameter_andEveryResourceOfItFollowsTheSwitch() {
        JsonNode parameter = template.get("Parameters").get("FanOut");
        assertThat(parameter.get("Default").asText()).isEqualTo("Disabled");
        assertThat(strings(parameter.get("AllowedValues")).toList()).containsExactly("Enabled", "Disabled");
        JsonNode batchSize = template.get("Parameters").get("FanOutBatchSize");
        assertThat(batchSize.get("Default").asInt()).isEqualTo(FanOutSettings.DEFAULT_BATCH_SIZE);
        assertThat(batchSize.get("MaxValue").asInt()).isEqualTo(FanOutSettings.MAX_BATCH_SIZE);
        assertThat(strings(template.get("Conditions").get("FanOutEnabled")).toList()).contains("Enabled");

        JsonNode resources = template.get("Resources");
        for (String name : List.of("CheckQueue", "CheckQueueDeadLetter", "CheckQueueEventSourceMapping",
                "CheckQueueDeadLetterAlarm")) {
            assertThat(resources.get(name).get("Condition").asText()).as(name).isEqualTo("FanOutEnabled");
        }
        JsonNode queueUrl = function().get("Environment").get("Variables").get(FanOutSettings.FANOUT_QUEUE_URL);
        assertThat(strings(queueUrl).toList()).as("!If [FanOutEnabled, !Ref CheckQueue, \"\"]")
                .containsExactly("FanOutEnabled", "CheckQueue", "");
        statements().stream().filter(s -> strings(s.get("Action")).anyMatch(a -> a.startsWith("sqs:"))
                        && !s.get("Sid").asText().equals("OnFailureQueue"))
                .forEach(s -> assertThat(s.get("Resource").asText()).as("on CheckQueue only").isEqualTo("CheckQueue.Arn"));
        assertThat(rawStatements().stream().filter(JsonNode::isArray).map(s -> s.get(0).asText())
                .filter(c -> !c.equals("InVpc")))
                .as("the queue's statements exist only with the switch on").containsExactly("FanOutEnabled", "FanOutEnabled");
    }

    @Test
    void queue_outlastsSixInvocations_andTheMappingReportsFailuresPerMessage_onTheAlias() {
        JsonNode settings = template.get("Mappings").get("FanOutSettings");
        JsonNode mapping = template.get("Resources").get("CheckQueueEventSourceMapping").get("Properties");
        int batchingWindow = settings.get("EventSourceMapping").get("MaximumBatchingWindowInSeconds").asInt();
        int visibility = settings.get("Queue").get("VisibilityTimeout").asInt();

        assertThat(visibility).as("AWS: at least 6 x the function timeout, plus the batching window")
                .isGreaterThanOrEqualTo(6 * FunctionDefaults.TIMEOUT_SECONDS + batchingWindow).isLessThanOrEqualTo(43_200);
        assertThat(settings.get("Queue").get("MaxReceiveCount").asInt()).as("AWS recommends at least 5")
                .isGreaterThanOrEqualTo(5);
        assertThat(settings.get("Queue").get("DeadLetterRetentionPeriod").asInt()).isEqualTo(14 * 24 * 3600);
        assertThat(settings.get("EventSourceMapping").get("BatchSize").asInt()).isBetween(1, 10);
        assertThat(strings(mapping.get("FunctionResponseTypes")).toList()).containsExactly("ReportBatchItemFailures");
        assertThat(mapping.get("FunctionName").asText()).as("the SnapStart alias SAM creates for AutoPublishAlias live")
                .isEqualTo("CheckerFunctionAlias" + function().get("AutoPublishAlias").asText());
        JsonNode redrive = template.get("Resources").get("CheckQueue").get("Properties").get("RedrivePolicy");
        assertThat(redrive.get("deadLetterTargetArn").asText()).isEqualTo("CheckQueueDeadLetter.Arn");
    }

    /** The CloudFront API calls of src/main (client.operationName(...)), as IAM actions. */
    private static List<String> cloudFrontCallsInTheCode() throws IOException {
        var call = java.util.regex.Pattern.compile("cloudFront(?:\\.get\\(\\))?\\.((?:get|list)[A-Z][A-Za-z]+)\\(");
        var found = new java.util.TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/cfoc"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.getFileName().toString().equals("SnapStartPriming.java")).toList()) {
                var matcher = call.matcher(Files.readString(file));
                while (matcher.find()) {
                    String operation = matcher.group(1);
                    found.add("cloudfront:" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
                }
            }
        }
        return List.copyOf(found);
    }

    /** The policy statements, a conditional one ({@code !If [condition, statement, !Ref AWS::NoValue]}) unwrapped. */
    private static List<JsonNode> statements() {
        return rawStatements().stream().map(s -> s.isArray() ? s.get(1) : s).toList();
    }

    private static List<JsonNode> rawStatements() {
        List<JsonNode> statements = new ArrayList<>();
        function().get("Policies").forEach(policy -> policy.get("Statement").forEach(statements::add));
        return statements;
    }

    private static Stream<String> strings(JsonNode node) {
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText)
                : Stream.of(node.asText());
    }
}

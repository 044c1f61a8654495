package dev.cfoc.cli;

import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code check --config FILE… | --distribution-id E… | --all-distributions}: checks distributions from files and/or the API. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the origins of distributions: from config files (output of aws cloudfront "
                + "get-distribution-config, get-distribution or list-distributions, or a bare DistributionConfig) "
                + "and/or read from the CloudFront API with the default AWS credentials chain (as the Lambda does).")
final class CheckCommand implements Callable<Integer> {

    private static final Pattern DISTRIBUTION_ID = Pattern.compile("E[A-Z0-9]{5,}");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A distribution config file (repeatable).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--distribution-id", paramLabel = "E…",
            description = "Read this distribution from the CloudFront API (repeatable; checked even when disabled). "
                    + "Credentials and endpoint: the AWS SDK's defaults (AWS_PROFILE, AWS_ENDPOINT_URL_CLOUDFRONT…).")
    List<String> distributionIds = new ArrayList<>();

    @Option(names = "--all-distributions",
            description = "Read every enabled distribution of the account from the CloudFront API.")
    boolean allDistributions;

    @Option(names = "--fail-on", paramLabel = "error|warning|never", defaultValue = "error",
            description = "Exit 1 when a finding at or above this severity exists (default: ${DEFAULT-VALUE}).")
    ReportOptions.FailOn failOn;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Finish within this time, counted from the start of the command: every connection that "
                    + "has time left is checked, its waits capped to what is left; one that runs out of time is "
                    + "reported as NOT_CHECKED_DEADLINE, saying how far it got. Seconds (90), a unit (1500ms, 90s, "
                    + "15m) or ISO-8601 (PT90S). Default: no deadline.")
    Duration deadline;

    @Option(names = "--allow-private-origins",
            description = "Labs and tests only: also probe origins whose names resolve to loopback, link-local or "
                    + "private addresses, which CloudFront cannot reach (by default: ORIGIN_NOT_PUBLIC, no "
                    + "connection).")
    boolean allowPrivateOrigins;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        Deadline runDeadline = deadline == null ? Deadline.none() : Deadline.after(deadline);
        Preload.start();
        var err = spec.commandLine().getErr();
        if (configs.isEmpty() && distributionIds.isEmpty() && !allDistributions) {
            err.println("error: give --config FILE, --distribution-id E… or --all-distributions (they can be combined)");
            err.println(spec.commandLine().getUsageMessage());
            return ExitCodes.BAD_INPUT;
        }
        for (String id : distributionIds) {
            if (!DISTRIBUTION_ID.matcher(id).matches()) {
                err.println("error: --distribution-id: '" + id + "' is not a distribution id (like E2QWRUHAPOMQZL)");
                return ExitCodes.BAD_INPUT;
            }
        }
        List<Distribution> distributions = new ArrayList<>();
        var loader = new DistributionFileLoader();
        for (Path config : configs) {
            try {
                distributions.addAll(loader.load(config));
            } catch (ConfigException e) {
                err.println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        var run = new CheckRun(spec.commandLine().getOut(), err);
        if (distributionIds.isEmpty() && !allDistributions) {
            return run.run(CheckRun.Input.of(distributions), reportOptions, failOn.threshold(), HostResolver.system(),
                    List.of(), runDeadline, allowPrivateOrigins);
        }
        try (CloudFrontClient cloudFront = AwsClients.cloudFront(AwsClientOptions.defaults())) {
            CheckRun.Input input = ApiInput.read(cloudFront, distributions, distributionIds, allDistributions, err);
            return run.run(input, reportOptions, failOn.threshold(), HostResolver.system(), List.of(), runDeadline,
                    allowPrivateOrigins);
        }
    }
}

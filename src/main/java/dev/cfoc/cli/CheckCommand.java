package dev.cfoc.cli;

import dev.cfoc.aws.AwsAccountNetwork;
import dev.cfoc.aws.AwsClientOptions;
import dev.cfoc.aws.AwsClients;
import dev.cfoc.aws.CloudFrontRegion;
import dev.cfoc.config.ConfigException;
import dev.cfoc.config.Distribution;
import dev.cfoc.firewall.DnsNames;
import dev.cfoc.firewall.Firewall;
import dev.cfoc.probe.Deadline;
import dev.cfoc.probe.HostResolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code check --config FILE… | --distribution-id E… | --all-distributions}: checks distributions from files and/or the API. */
@Command(name = "check", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_CLEAN, ExitCodes.HELP_FINDINGS, ExitCodes.HELP_BAD_INPUT,
                ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_INCOMPLETE},
        description = "Check the origins of distributions: from config files (output of aws cloudfront "
                + "get-distribution-config, get-distribution or list-distributions, or a bare DistributionConfig) "
                + "and/or read from the CloudFront API with the default AWS credentials chain (as the Lambda does).")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    /** One {@code --config FILE [--id E…]}. */
    static final class ConfigOption {
        @Option(names = "--config", required = true, paramLabel = "FILE",
                description = "A distribution config file (repeatable; read once however often given), or - for "
                        + "standard input.")
        String file;

        @Option(names = "--id", paramLabel = "E…",
                description = "The id of the distribution in the --config before it, for a file that has none "
                        + "(get-distribution-config output, a bare DistributionConfig): the report and suppressions "
                        + "then name it.")
        String id;

        ConfigFiles.Argument argument() {
            return new ConfigFiles.Argument(file, Optional.ofNullable(id));
        }
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<ConfigOption> configs = new ArrayList<>();

    @Option(names = "--include-disabled",
            description = "Also check disabled distributions of --all-distributions and of list-distributions files "
                    + "(skipped by default: they serve no traffic).")
    boolean includeDisabled;

    @Option(names = "--distribution-id", paramLabel = "E…",
            description = "Read this distribution from the CloudFront API (repeatable; checked even when disabled). "
                    + "Credentials and endpoint: the AWS SDK's defaults (AWS_PROFILE, AWS_ENDPOINT_URL_CLOUDFRONT…).")
    List<String> distributionIds = new ArrayList<>();

    @Option(names = "--all-distributions",
            description = "Read every enabled distribution of the account from the CloudFront API "
                    + "(disabled ones too with --include-disabled).")
    boolean allDistributions;

    @Option(names = "--fail-on", paramLabel = "error|warning|info|never", defaultValue = "error",
            description = "Exit 1 when a finding at or above this severity exists (default: ${DEFAULT-VALUE}).")
    ReportOptions.FailOn failOn;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Finish within this time, counted from the start of the command: every connection that "
                    + "has time left is checked, its waits capped to what is left; one that runs out of time is "
                    + "reported as NOT_CHECKED_DEADLINE, saying how far it got. Seconds (90), a unit (1500ms, 90s, "
                    + "15m) or ISO-8601 (PT90S). Default: no deadline.")
    Duration deadline;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Keep the alert state in this JSON file (created if missing, replaced atomically): each "
                    + "finding is marked NEW or 'failing since …', and what cleared since the last run is listed.")
    Path state;

    @Option(names = "--probe-vpc-origins",
            description = "The checker runs inside the VPC of the distributions' VPC origins: resolve them "
                    + "(cloudfront:GetVpcOrigin) and probe their private endpoints. Needs --distribution-id or "
                    + "--all-distributions.")
    boolean probeVpcOrigins;

    @Option(names = "--allow-private-origins",
            description = "Labs and tests only: also probe origins whose names resolve to loopback, link-local or "
                    + "private addresses, which CloudFront cannot reach (by default: ORIGIN_NOT_PUBLIC, no "
                    + "connection).")
    boolean allowPrivateOrigins;

    @Mixin
    ReportOptions reportOptions;

    /**
     * The note of a run from --config files alone: without AWS access nothing says which origin is which load
     * balancer or instance, so no security group is read.
     */
    static final String NO_FIREWALL_CHECK = "firewall: the origins' security groups were not checked: the "
            + "distributions come from --config files without AWS access; with --distribution-id or "
            + "--all-distributions they are read and judged against CloudFront's origin-facing prefix list";

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
        ConfigFiles.Loaded files;
        try {
            for (String id : distributionIds) {
                ConfigFiles.checkId("--distribution-id", id);
            }
            files = new ConfigFiles(main.stdin)
                    .read(configs.stream().map(ConfigOption::argument).toList(), includeDisabled);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        files.skippedDisabled().forEach(d -> err.println("skipped " + d + ": --include-disabled checks it"));
        List<Distribution> distributions = files.distributions();
        var run = new CheckRun(spec.commandLine().getOut(), err, Optional.ofNullable(state));
        if (distributionIds.isEmpty() && !allDistributions) {
            if (probeVpcOrigins) {
                err.println("error: --probe-vpc-origins needs --distribution-id or --all-distributions (AWS access)");
                return ExitCodes.BAD_INPUT;
            }
            return run.run(CheckRun.Input.of(distributions).withNotes(files.notes())
                            .withFirewall(Firewall.notChecked(NO_FIREWALL_CHECK)),
                    reportOptions, failOn.threshold(), HostResolver.system(), List.of(), runDeadline,
                    allowPrivateOrigins);
        }
        AwsAccountNetwork network;
        CloudFrontClient cloudFront = AwsClients.cloudFront(CloudFrontRegion.fromEnvironment(System.getenv()),
                AwsClientOptions.defaults());
        try {
            network = new AwsAccountNetwork(() -> cloudFront, AwsClientOptions.defaults(), System.getenv());
        } catch (IllegalArgumentException e) {
            cloudFront.close();
            err.println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        try (cloudFront; network) {
            CheckRun.Input input = ApiInput.read(cloudFront, distributions, distributionIds, allDistributions,
                    includeDisabled, err).withNotes(files.notes())
                    .withFirewall(Firewall.checked(network, DnsNames.system(), probeVpcOrigins));
            return run.run(input, reportOptions, failOn.threshold(), HostResolver.system(), List.of(), runDeadline,
                    allowPrivateOrigins);
        }
    }
}

package dev.cfoc.cli;

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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code check --config FILE…}: checks the distributions in AWS CLI JSON files. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the origins of the distributions in one or more config files "
                + "(output of aws cloudfront get-distribution-config, get-distribution or list-distributions, "
                + "or a bare DistributionConfig).")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "A distribution config file (repeatable).")
    List<Path> configs;

    @Option(names = "--fail-on", paramLabel = "error|warning|never", defaultValue = "error",
            description = "Exit 1 when a finding at or above this severity exists (default: ${DEFAULT-VALUE}).")
    ReportOptions.FailOn failOn;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Finish within this time, counted from the start of the command: probes that might end "
                    + "after it are not started and are reported as NOT_CHECKED_DEADLINE. Seconds (90), a unit "
                    + "(1500ms, 90s, 15m) or ISO-8601 (PT90S). Default: no deadline.")
    Duration deadline;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() {
        Deadline runDeadline = deadline == null ? Deadline.none() : Deadline.after(deadline);
        Preload.start();
        var err = spec.commandLine().getErr();
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
        return new CheckRun(spec.commandLine().getOut(), err)
                .run(distributions, reportOptions, failOn.threshold(), HostResolver.system(), List.of(), runDeadline);
    }
}

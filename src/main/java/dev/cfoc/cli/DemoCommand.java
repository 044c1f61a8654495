package dev.cfoc.cli;

import dev.cfoc.config.ConfigException;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.sample.DemoOrigins;
import dev.cfoc.probe.HostResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code demo}: starts sample origins in-process (healthy, expired, wrong name, missing intermediate, expiring soon,
 * TLS 1.3 only, closed port), checks the bundled sample distribution that points at them and prints the report.
 * No AWS account, no network, no DNS.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_CLEAN, ExitCodes.HELP_FINDINGS, ExitCodes.HELP_BAD_INPUT,
                ExitCodes.HELP_INTERNAL_ERROR, ExitCodes.HELP_INCOMPLETE},
        description = "Start sample origins on 127.0.0.1 and check a sample distribution that points at them "
                + "(no AWS account, no network).")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fail-on", paramLabel = "error|warning|info|never", defaultValue = "never",
            description = "Exit 1 when a finding at or above this severity exists (default: ${DEFAULT-VALUE}: "
                    + "the demo's origins are broken on purpose).")
    ReportOptions.FailOn failOn;

    @Mixin
    ReportOptions reportOptions;

    @Override
    public Integer call() throws ConfigException {
        var err = spec.commandLine().getErr();
        try (DemoOrigins origins = DemoOrigins.start()) {
            err.println("demo: sample origins listening on 127.0.0.1; their root CA is added to the trust anchors");
            var distributions = new DistributionFileLoader().loadString(origins.distributionJson(), "demo-distribution.json");
            return new CheckRun(spec.commandLine().getOut(), err).run(distributions, reportOptions, failOn.threshold(),
                    HostResolver.fixed(origins.hosts()), List.of(origins.rootCertificate()));
        }
    }
}

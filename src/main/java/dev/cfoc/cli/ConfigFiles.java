package dev.cfoc.cli;

import dev.cfoc.config.ConfigException;
import dev.cfoc.config.Distribution;
import dev.cfoc.config.DistributionFileLoader;
import dev.cfoc.config.DistributionId;
import dev.cfoc.report.Counts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --config} arguments of {@code check}, read: a file, {@code -} for standard input, each read once however
 * often it is given; {@code --id} gives its distribution an id when the file has none (get-distribution-config output,
 * a bare DistributionConfig), so suppressions can name it. Disabled distributions of a list-distributions file are
 * skipped unless asked for, as {@code --all-distributions} skips them.
 */
final class ConfigFiles {

    /** What {@code --config} names standard input with. */
    static final String STDIN = "-";

    /** One {@code --config}, with the {@code --id} given after it, if any. */
    record Argument(String file, Optional<String> id) {
    }

    /**
     * @param skippedDisabled what the report and stderr say about the disabled distributions that were skipped
     */
    record Loaded(List<Distribution> distributions, List<String> skippedDisabled, List<String> notes) {
    }

    private final DistributionFileLoader loader = new DistributionFileLoader();
    private final InputStream stdin;

    ConfigFiles(InputStream stdin) {
        this.stdin = stdin;
    }

    /**
     * @param includeDisabled check the disabled distributions of list-distributions files too
     * @throws ConfigException naming the file (or standard input) and what is wrong
     */
    Loaded read(List<Argument> arguments, boolean includeDisabled) throws ConfigException {
        Map<String, Argument> unique = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Argument argument : arguments) {
            if (argument.id().isPresent()) {
                checkId("--id", argument.id().get());
            }
            String key = key(argument.file());
            Argument earlier = unique.get(key);
            if (earlier == null) {
                unique.put(key, argument);
            } else if (argument.id().isPresent() && earlier.id().isPresent()
                    && !argument.id().equals(earlier.id())) {
                throw new ConfigException(argument.file() + ": given twice with different ids ("
                        + earlier.id().get() + ", " + argument.id().get() + ")");
            } else {
                if (earlier.id().isEmpty()) {
                    unique.put(key, argument);
                }
                notes.add(argument.file() + " was given more than once; it was read once");
            }
        }
        List<Distribution> distributions = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Argument argument : unique.values()) {
            byte[] json = bytes(argument.file());
            String source = STDIN.equals(argument.file()) ? "stdin" : argument.file();
            List<Distribution> loaded = withId(loader.load(json, source), argument, source);
            boolean list = loaded.stream().anyMatch(d -> !d.enabled()) && loader.isList(json);
            for (Distribution d : loaded) {
                if (list && !d.enabled() && !includeDisabled) {
                    skipped.add(d.label() + " (disabled, in " + source + ")");
                } else {
                    distributions.add(d);
                }
            }
        }
        if (!skipped.isEmpty()) {
            notes.add("skipped " + Counts.of(skipped.size(), "disabled distribution") + " of list-distributions "
                    + "output: " + String.join(", ", skipped) + "; --include-disabled checks them");
        }
        return new Loaded(distributions, skipped, notes);
    }

    /** @throws ConfigException naming {@code option} when {@code id} is not shaped like a distribution id */
    static void checkId(String option, String id) throws ConfigException {
        if (!DistributionId.isValid(id)) {
            throw new ConfigException(option + ": '" + id + "' is not a distribution id (like E2QWRUHAPOMQZL)");
        }
    }

    /** A file read once, whatever the spelling of its path: its real path; standard input is one source. */
    private static String key(String file) {
        if (STDIN.equals(file)) {
            return STDIN;
        }
        try {
            return Path.of(file).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return file; // reading it reports what is wrong
        }
    }

    private byte[] bytes(String file) throws ConfigException {
        if (!STDIN.equals(file)) {
            return DistributionFileLoader.read(Path.of(file));
        }
        try {
            byte[] bytes = stdin.readNBytes((int) DistributionFileLoader.MAX_FILE_BYTES + 1);
            if (bytes.length > DistributionFileLoader.MAX_FILE_BYTES) {
                throw new ConfigException("stdin: more than the limit of " + DistributionFileLoader.MAX_FILE_BYTES
                        + " bytes for a distribution config");
            }
            return bytes;
        } catch (IOException e) {
            throw new ConfigException("stdin: cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The {@code --id} given after the file, checked against what the file holds. */
    private static List<Distribution> withId(List<Distribution> loaded, Argument argument, String source)
            throws ConfigException {
        if (argument.id().isEmpty()) {
            return loaded;
        }
        String id = argument.id().get();
        if (loaded.size() != 1) {
            throw new ConfigException("--id " + id + ": " + source + " holds " + Counts.of(loaded.size(),
                    "distribution") + "; --id names the one distribution of a get-distribution-config or bare "
                    + "DistributionConfig file");
        }
        Distribution only = loaded.getFirst();
        if (only.id().isPresent() && !only.id().get().equals(id)) {
            throw new ConfigException("--id " + id + ": " + source + " is distribution " + only.id().get());
        }
        return List.of(only.withId(id));
    }
}

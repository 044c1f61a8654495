package dev.cfoc.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code --version}: the Maven project version, written into {@link #RESOURCE} when the build copies resources (so it
 * is right from the jar and from the classes alike), else the jar manifest's Implementation-Version, else "unknown".
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"cloudfront-origin-checker " + version().orElse("unknown")};
    }

    static Optional<String> version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                Optional<String> filtered = Optional.ofNullable(properties.getProperty("version"))
                        .filter(v -> !v.isBlank() && !v.contains("${"));
                if (filtered.isPresent()) {
                    return filtered;
                }
            }
        } catch (IOException e) {
            // fall back to the manifest
        }
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion());
    }
}

package dev.cfoc.cli;

import picocli.CommandLine;

/** The version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"cloudfront-origin-checker " + (version == null ? "dev" : version)};
    }
}

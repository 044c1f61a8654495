package dev.cfoc.report;

/** A count with its noun in the right number: {@code 1 distribution}, {@code 0 distributions}, {@code 2 errors}. */
public final class Counts {

    private Counts() {
    }

    /** @param noun the singular; the plural adds "s" */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

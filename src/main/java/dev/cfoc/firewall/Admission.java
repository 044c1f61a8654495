package dev.cfoc.firewall;

/** Whether an origin's security groups let CloudFront's origin-facing servers connect to one port, over one family. */
public sealed interface Admission {

    /** @param rule the group and rule that admit CloudFront, in words */
    record Admitted(String rule) implements Admission {
    }

    /**
     * No rule admits CloudFront.
     *
     * @param admitsInstead what the groups do admit on that port (or that nothing is admitted there), in words
     */
    record Blocked(String admitsInstead) implements Admission {
    }

    /** The rules admit sources whose addresses are not known here (another prefix list, ranges not compared). */
    record Undecided(String why) implements Admission {
    }
}

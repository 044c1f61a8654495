package dev.cfoc.firewall;

import java.util.List;

/** A security group as DescribeSecurityGroups returns it: what matters here are its inbound rules. */
public record SecurityGroup(String id, String name, List<Permission> inbound) {

    public SecurityGroup {
        inbound = List.copyOf(inbound);
    }

    /** {@code sg-0123 (web)}. */
    public String label() {
        return name.isEmpty() ? id : id + " (" + name + ")";
    }
}

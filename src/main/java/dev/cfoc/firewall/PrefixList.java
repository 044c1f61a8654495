package dev.cfoc.firewall;

import dev.cfoc.plan.AddressFamily;
import java.util.List;
import java.util.Optional;

/**
 * A managed prefix list (DescribeManagedPrefixLists) and, when they could be read, its entries
 * (GetManagedPrefixListEntries).
 */
public record PrefixList(String id, String name, AddressFamily family, Optional<List<Cidr>> entries) {

    public PrefixList {
        entries = entries.map(List::copyOf);
    }

    public PrefixList withEntries(List<Cidr> read) {
        return new PrefixList(id, name, family, Optional.of(read));
    }
}

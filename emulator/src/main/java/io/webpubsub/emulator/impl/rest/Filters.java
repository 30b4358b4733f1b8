package io.webpubsub.emulator.impl.rest;

import io.webpubsub.emulator.impl.filter.ConnectionFilter;
import io.webpubsub.emulator.impl.filter.FilterTarget;
import io.webpubsub.emulator.impl.hub.ClientConnection;

import java.util.Set;
import java.util.function.Predicate;

/** Turns the OData {@code filter} parameter into a predicate over connections. */
final class Filters {
    private Filters() {
    }

    /** Null or blank selects everything. @throws IllegalArgumentException with the 400 message when invalid */
    static Predicate<ClientConnection> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return c -> true;
        }
        ConnectionFilter parsed = ConnectionFilter.parse(filter);
        return c -> parsed.test(new Target(c));
    }

    private record Target(ClientConnection c) implements FilterTarget {
        @Override
        public String connectionId() {
            return c.id();
        }

        @Override
        public String userId() {
            return c.userId();
        }

        @Override
        public Set<String> groups() {
            return c.groups();
        }

        @Override
        public String protocol() {
            return c.subprotocol();
        }
    }
}

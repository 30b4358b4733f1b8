package io.webpubsub.emulator.impl.rest;

import io.webpubsub.emulator.impl.hub.ClientConnection;

import java.util.function.Predicate;

/** Turns the OData {@code filter} parameter (spec 2.4) into a predicate over connections. */
final class Filters {
    private Filters() {
    }

    /** Null or blank selects everything. @throws IllegalArgumentException with the 400 message when invalid */
    static Predicate<ClientConnection> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return c -> true;
        }
        // TODO(merge emu-pure): ConnectionFilter.parse(filter) evaluated against a FilterTarget view
        throw new IllegalArgumentException("The filter parameter is not supported yet.");
    }
}

package io.webpubsub.emulator.impl.filter;

import java.util.Objects;

/**
 * A parsed, type-checked {@code filter} of the send operations: the OData subset of the service.
 *
 * <p>Identifiers {@code userId}, {@code connectionId}, {@code groups} and (emulator extension) {@code protocol};
 * identifiers, keywords and function names are case-insensitive, string values compare ordinally
 * (case-sensitive, also for {@code gt}/{@code lt}). A function with a {@code null} argument yields {@code null},
 * and {@code not}/{@code and}/{@code or} use three-valued logic; a connection matches only if the filter
 * evaluates to {@code true}.
 *
 * <p>Types are checked when parsing, against the declared types of the identifiers; hence
 * {@code not length(userId) gt 5} is rejected as {@code Type 'int', expect 'bool'}, where the service, which
 * checks against a sample connection without a user, reports {@code Type 'null'}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ConnectionFilter {

    private final String text;
    private final Expr root;

    private ConnectionFilter(String text, Expr root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses and type-checks a filter.
     *
     * @param filter the filter text, as given in the {@code filter} query parameter (already URL-decoded)
     * @return the filter
     * @throws IllegalArgumentException if the filter is invalid; the message is the service's error text,
     *                                  {@code Invalid syntax for '<expression>': <detail>. (Parameter 'filter')},
     *                                  where the detail names the position and what was expected; also if it has
     *                                  more than 100 clauses (operands of {@code and}/{@code or}) or nests deeper
     *                                  than 100 levels
     * @throws NullPointerException     if {@code filter} is {@code null}
     */
    public static ConnectionFilter parse(String filter) {
        Objects.requireNonNull(filter, "filter");
        return new ConnectionFilter(filter, Parser.parse(filter));
    }

    /**
     * Evaluates the filter for one connection.
     *
     * @param target the connection
     * @return whether the filter evaluates to {@code true} for it
     */
    public boolean test(FilterTarget target) {
        return Boolean.TRUE.equals(root.eval(target));
    }

    /** Returns the filter text as parsed. */
    @Override
    public String toString() {
        return text;
    }
}

package io.webpubsub.mp.models;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An OData filter selecting connections, for the {@code filter} parameter of sends and of bulk group operations.
 *
 * <p>Values are written as OData string literals ({@code 'it''s'}), so user input cannot change the filter's
 * meaning:
 * <pre>{@code
 * Filter f = Filter.userId().ne("bot").and(Filter.inGroup("room-1"));
 * // userId ne 'bot' and 'room-1' in groups
 * }</pre>
 * {@link #raw(String)} accepts a filter written by hand (then escaping is the caller's job). Immutable;
 * {@link #toString()} returns the OData text sent to the service.
 *
 * @since 0.1.0
 */
public final class Filter {

    private final String odata;
    private final boolean composite;

    private Filter(String odata, boolean composite) {
        this.odata = odata;
        this.composite = composite;
    }

    /**
     * A filter written in the service's OData syntax, sent as it is.
     *
     * @param odata e.g. {@code userId eq 'alice' or 'vip' in groups}
     * @return the filter
     * @throws NullPointerException if {@code odata} is null
     * @throws IllegalArgumentException if {@code odata} is blank
     */
    public static Filter raw(String odata) {
        Objects.requireNonNull(odata, "odata");
        if (odata.isBlank()) {
            throw new IllegalArgumentException("The filter 'odata' is blank");
        }
        return new Filter(odata.trim(), true);
    }

    /**
     * Starts a condition on the connection's user id.
     *
     * @return the condition builder for {@code userId}
     */
    public static Field userId() {
        return new Field("userId");
    }

    /**
     * Starts a condition on the connection id.
     *
     * @return the condition builder for {@code connectionId}
     */
    public static Field connectionId() {
        return new Field("connectionId");
    }

    /**
     * Connections that are in a group: {@code '<group>' in groups}.
     *
     * @param group the group name
     * @return the filter
     * @throws NullPointerException if {@code group} is null
     */
    public static Filter inGroup(String group) {
        return new Filter(literal(group, "group") + " in groups", false);
    }

    /**
     * Connections of anonymous users (no user id): {@code userId eq null}.
     *
     * @return the filter
     */
    public static Filter anonymous() {
        return new Filter("userId eq null", false);
    }

    /**
     * Both conditions: {@code (<this>) and (<other>)}.
     *
     * @param other the other condition
     * @return the combined filter
     */
    public Filter and(Filter other) {
        return new Filter(wrapped() + " and " + Objects.requireNonNull(other, "other").wrapped(), true);
    }

    /**
     * Either condition: {@code (<this>) or (<other>)}.
     *
     * @param other the other condition
     * @return the combined filter
     */
    public Filter or(Filter other) {
        return new Filter(wrapped() + " or " + Objects.requireNonNull(other, "other").wrapped(), true);
    }

    /**
     * The negation: {@code not (<filter>)}.
     *
     * @param filter the condition to negate
     * @return the negated filter
     */
    public static Filter not(Filter filter) {
        return new Filter("not (" + Objects.requireNonNull(filter, "filter").odata + ")", false);
    }

    private String wrapped() {
        return composite ? "(" + odata + ")" : odata;
    }

    /**
     * Writes a value as an OData string literal: in single quotes, each {@code '} doubled.
     *
     * @param value the value
     * @param name the parameter name, for the error message
     * @return the literal
     */
    static String literal(String value, String name) {
        return "'" + Objects.requireNonNull(value, name).replace("'", "''") + "'";
    }

    /**
     * The OData text.
     *
     * @return the filter as sent in the {@code filter} query parameter
     */
    @Override
    public String toString() {
        return odata;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && f.odata.equals(odata);
    }

    @Override
    public int hashCode() {
        return odata.hashCode();
    }

    /**
     * Conditions on one string field ({@code userId} or {@code connectionId}).
     *
     * @since 0.1.0
     */
    public static final class Field {

        private final String name;

        private Field(String name) {
            this.name = name;
        }

        /**
         * The field equals the value.
         *
         * @param value the value, compared case-sensitively
         * @return {@code <field> eq '<value>'}
         */
        public Filter eq(String value) {
            return new Filter(name + " eq " + literal(value, "value"), false);
        }

        /**
         * The field differs from the value.
         *
         * @param value the value
         * @return {@code <field> ne '<value>'}
         */
        public Filter ne(String value) {
            return new Filter(name + " ne " + literal(value, "value"), false);
        }

        /**
         * The field is one of the values.
         *
         * @param values at least one value
         * @return {@code <field> in ('<a>','<b>')}
         * @throws IllegalArgumentException if no value is given
         */
        public Filter in(String... values) {
            if (Objects.requireNonNull(values, "values").length == 0) {
                throw new IllegalArgumentException("The filter 'values' must not be empty");
            }
            return new Filter(name + " in (" + Arrays.stream(values).map(v -> literal(v, "values"))
                    .collect(Collectors.joining(",")) + ")", false);
        }

        /**
         * The field starts with the prefix.
         *
         * @param prefix the prefix
         * @return {@code startswith(<field>,'<prefix>')}
         */
        public Filter startsWith(String prefix) {
            return new Filter("startswith(" + name + "," + literal(prefix, "prefix") + ")", false);
        }
    }
}

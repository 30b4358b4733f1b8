package io.webpubsub.mp.models;

import java.util.OptionalInt;

/**
 * Options of {@code listConnectionsInGroup}: page size and the total number of connections to return.
 *
 * @since 0.1.0
 */
public final class ListConnectionsOptions {

    private Integer maxPageSize;
    private Integer top;

    /** Creates options with the service defaults: pages of up to 200 connections, no total limit. */
    public ListConnectionsOptions() {
    }

    /**
     * The most connections per page ({@code maxpagesize}, 1..200); each page is one request.
     *
     * @param maxPageSize the page size
     * @return these options
     * @throws IllegalArgumentException if not within 1..200
     */
    public ListConnectionsOptions setMaxPageSize(int maxPageSize) {
        if (maxPageSize < 1 || maxPageSize > 200) {
            throw new IllegalArgumentException("The 'maxPageSize' must be from 1 to 200: " + maxPageSize);
        }
        this.maxPageSize = maxPageSize;
        return this;
    }

    /**
     * The most connections returned in total ({@code top}, at least 1).
     *
     * @param top the limit
     * @return these options
     * @throws IllegalArgumentException if less than 1
     */
    public ListConnectionsOptions setTop(int top) {
        if (top < 1) {
            throw new IllegalArgumentException("The 'top' must be at least 1: " + top);
        }
        this.top = top;
        return this;
    }

    /**
     * The page size.
     *
     * @return the page size, or empty for the service default
     */
    public OptionalInt getMaxPageSize() {
        return maxPageSize == null ? OptionalInt.empty() : OptionalInt.of(maxPageSize);
    }

    /**
     * The total limit.
     *
     * @return the limit, or empty for none
     */
    public OptionalInt getTop() {
        return top == null ? OptionalInt.empty() : OptionalInt.of(top);
    }
}

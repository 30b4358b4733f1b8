package io.webpubsub.mp.impl.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.rest.GroupMemberPagedValues;
import io.webpubsub.mp.rest.GroupMemberValue;

/**
 * One page of {@code ListConnectionsInGroup} and the request for the next one, taken from the query of
 * {@code nextLink} (continuationToken, maxpagesize, top).
 *
 * @param members the connections of the page
 * @param next the request of the next page, or null on the last page
 */
record GroupMembersPage(List<GroupMember> members, Request next) {

    /**
     * A page request.
     *
     * @param maxPageSize maxpagesize, or null
     * @param top top, or null
     * @param continuationToken the token, or null for the first page
     */
    record Request(Integer maxPageSize, Integer top, String continuationToken) {
    }

    static GroupMembersPage of(GroupMemberPagedValues values) {
        List<GroupMember> members = values.getValue() == null ? List.of()
                : values.getValue().stream().map(GroupMembersPage::member).toList();
        return new GroupMembersPage(members, next(values.getNextLink()));
    }

    private static GroupMember member(GroupMemberValue value) {
        return new GroupMember(value.getConnectionId(), value.getUserId());
    }

    private static Request next(String nextLink) {
        if (nextLink == null || nextLink.isBlank()) {
            return null;
        }
        String query = URI.create(nextLink.trim()).getRawQuery();
        String token = param(query, "continuationToken");
        if (token == null) {
            return null;
        }
        return new Request(number(param(query, "maxpagesize")), number(param(query, "top")), token);
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

package io.webpubsub.mp.impl.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.webpubsub.mp.models.GroupMember;
import io.webpubsub.mp.rest.GroupMemberPagedValues;
import io.webpubsub.mp.rest.GroupMemberValue;

/**
 * One page of {@code ListConnectionsInGroup} and the request for the next one: the service's {@code nextLink} as
 * given (path and every query parameter kept), resolved against the endpoint when relative, with
 * {@code api-version} added only when absent. A {@code nextLink} on another scheme, host or port than the endpoint
 * is refused, so that a token is never sent elsewhere.
 *
 * @param members the connections of the page
 * @param next the request of the next page, or null on the last page
 */
record GroupMembersPage(List<GroupMember> members, Request next) {

    /**
     * A page request.
     *
     * @param maxPageSize maxpagesize of the first page, or null
     * @param top top of the first page, or null
     * @param nextLink the absolute URL of a further page, or null for the first page
     */
    record Request(Integer maxPageSize, Integer top, String nextLink) {
    }

    static GroupMembersPage of(GroupMemberPagedValues values, String endpoint, String version) {
        List<GroupMember> members = values.getValue() == null ? List.of()
                : values.getValue().stream().map(GroupMembersPage::member).toList();
        String link = values.getNextLink();
        return new GroupMembersPage(members, link == null || link.isBlank() ? null
                : new Request(null, null, nextUrl(link.trim(), endpoint, version)));
    }

    private static GroupMember member(GroupMemberValue value) {
        return new GroupMember(value.getConnectionId(), value.getUserId());
    }

    static String nextUrl(String link, String endpoint, String version) {
        URI uri;
        try {
            uri = new URI(link);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The service's nextLink is not a valid URL, the next page cannot be "
                    + "fetched: " + e.getMessage(), e);
        }
        String url = link;
        if (!uri.isAbsolute()) {
            url = endpoint + (link.startsWith("/") ? "" : "/") + link;
        } else if (!sameOrigin(uri, URI.create(endpoint))) {
            throw new IllegalStateException("The service's nextLink points at " + uri.getScheme() + "://"
                    + uri.getRawAuthority() + ", not at the endpoint " + endpoint
                    + "; it is not followed, so that no token is sent to another host");
        }
        return hasParameter(uri.getRawQuery(), "api-version") ? url
                : url + (uri.getRawQuery() == null ? "?" : "&") + "api-version=" + version;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && Objects.equals(lower(a.getHost()), lower(b.getHost())) && port(a) == port(b);
    }

    private static String lower(String host) {
        return host == null ? null : host.toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean hasParameter(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return true;
            }
        }
        return false;
    }
}

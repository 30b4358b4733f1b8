package io.webpubsub.mp.impl.http;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import io.webpubsub.mp.rest.PathSegments;

/**
 * Turns the stand-in of {@link PathSegments#SLASH} (percent-encoded or not) into {@code %2F} in the request path;
 * runs before the request is signed, so the token's audience is the URL as sent.
 */
@Priority(100)
public final class SlashFilter implements ClientRequestFilter {

    private static final Pattern ENCODED = Pattern.compile("%EE%80%80", Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ClientRequestContext request) {
        String url = request.getUri().toString();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        // both spellings of the stand-in contain "%80%80" (digits have no case): most paths need no regex
        if (path.indexOf(PathSegments.SLASH) < 0 && !path.contains("%80%80")) {
            return;
        }
        String fixed = ENCODED.matcher(path).replaceAll(Matcher.quoteReplacement("%2F"))
                .replace(String.valueOf(PathSegments.SLASH), "%2F");
        if (!fixed.equals(path)) {
            request.setUri(URI.create(fixed + (query < 0 ? "" : url.substring(query))));
        }
    }
}

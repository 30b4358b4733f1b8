package io.webpubsub.emulator.impl.auth;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks the access-key tokens of REST calls, the client tokens of WebSocket connections and,
 * when enabled, Entra-style bearer tokens (signature not checked).
 */
public final class TokenValidator {
    /** Audience of Entra ID tokens for the data plane. */
    public static final String ENTRA_AUDIENCE = "https://webpubsub.azure.com";
    private static final long SKEW_SECONDS = 300;

    private final List<String> keys;
    private final boolean entraTokens;
    private final Clock clock;

    /** @param keys primary then optional secondary access key; @param entraTokens accept unvalidated Entra tokens */
    public TokenValidator(List<String> keys, boolean entraTokens, Clock clock) {
        this.keys = List.copyOf(keys);
        this.entraTokens = entraTokens;
        this.clock = clock;
    }

    /** Checks a REST call's {@code Authorization} header against the request URL; returns the verified token. */
    public Jwt validateRest(String authorization, String requestUrl) throws AuthException {
        Jwt jwt = parseBearer(authorization);
        List<String> audiences = jwt.stringsClaim("aud");
        if (entraTokens && audiences.stream().anyMatch(a -> trimSlash(a).equalsIgnoreCase(ENTRA_AUDIENCE))) {
            checkLifetime(jwt);
            return jwt;
        }
        verify(jwt);
        String withoutQuery = requestUrl.contains("?") ? requestUrl.substring(0, requestUrl.indexOf('?')) : requestUrl;
        List<String> accepted = List.of(normalise(requestUrl), normalise(withoutQuery));
        for (String aud : audiences) {
            if (accepted.contains(normalise(aud))) {
                return jwt;
            }
        }
        throw new AuthException("The audience of the token does not match the request URL");
    }

    /** True when the token is an Entra-style token accepted in Entra mode. */
    public boolean isEntra(Jwt jwt) {
        return entraTokens && jwt.stringsClaim("aud").stream().anyMatch(a -> trimSlash(a)
                .equalsIgnoreCase(ENTRA_AUDIENCE));
    }

    /**
     * Checks a client access token for {@code hub}. The audience must name {@code /client/hubs/<hub>} on the request's
     * host with any of the schemes http, https, ws or wss (lenient).
     */
    public Jwt validateClient(String token, String hub, String requestHostPort) throws AuthException {
        Jwt jwt = parse(token);
        verify(jwt);
        String expected = (requestHostPort + "/client/hubs/" + hub).toLowerCase(Locale.ROOT);
        for (String aud : jwt.stringsClaim("aud")) {
            String a = decode(trimSlash(aud)).toLowerCase(Locale.ROOT);
            for (String scheme : List.of("http://", "https://", "ws://", "wss://")) {
                if (a.startsWith(scheme) && stripDefaultPort(a.substring(scheme.length()), scheme)
                        .equals(stripDefaultPort(expected, scheme))) {
                    return jwt;
                }
            }
        }
        throw new AuthException("The audience of the client token does not match this hub");
    }

    private static String stripDefaultPort(String hostAndPath, String scheme) {
        String port = scheme.startsWith("https") || scheme.startsWith("wss") ? ":443/" : ":80/";
        int slash = hostAndPath.indexOf('/');
        if (slash > 0 && hostAndPath.substring(0, slash + 1).endsWith(port)) {
            return hostAndPath.substring(0, slash - port.length() + 1) + hostAndPath.substring(slash);
        }
        return hostAndPath;
    }

    private Jwt parseBearer(String authorization) throws AuthException {
        if (authorization == null || authorization.isBlank()) {
            throw new AuthException("Missing Authorization header");
        }
        String value = authorization.trim();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AuthException("The Authorization header must use the Bearer scheme");
        }
        return parse(value.substring(7).trim());
    }

    private static Jwt parse(String token) throws AuthException {
        try {
            return Jwt.parse(token);
        } catch (IllegalArgumentException e) {
            throw new AuthException("The token is malformed");
        }
    }

    private void verify(Jwt jwt) throws AuthException {
        if (!jwt.verifiedBy(keys)) {
            throw new AuthException("The token signature is invalid");
        }
        checkLifetime(jwt);
    }

    private void checkLifetime(Jwt jwt) throws AuthException {
        long now = clock.instant().getEpochSecond();
        Long exp = jwt.numericClaim("exp");
        if (exp == null) {
            throw new AuthException("The token has no exp claim");
        }
        if (now > exp + SKEW_SECONDS) {
            throw new AuthException("The token is expired");
        }
        Long nbf = jwt.numericClaim("nbf");
        if (nbf != null && now < nbf - SKEW_SECONDS) {
            throw new AuthException("The token is not yet valid");
        }
    }

    /**
     * The URL in a canonical form that keeps what it addresses: escapes of reserved characters ({@code %2F} and the
     * like) stay escaped, so {@code a%2Fb} never matches {@code a/b}; other escapes are decoded (RFC 3986 6.2.2), the
     * default port dropped and the whole compared case-insensitively (hub names are case-insensitive).
     */
    static String normalise(String url) {
        String canonical = canonicalEscapes(url);
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() != null && uri.getPort() != -1
                    && (("http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 80)
                    || ("https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 443))) {
                canonical = canonical.replaceFirst(":" + uri.getPort(), "");
            }
        } catch (IllegalArgumentException ignored) {
            // compare as written
        }
        return canonical.toLowerCase(Locale.ROOT);
    }

    private static final String RESERVED = ":/?#[]@!$&'()*+,;=%";

    private static String canonicalEscapes(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length && bytes[i] == '%' ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(bytes[i + 2], 16);
            if (lo < 0) {
                out.write(bytes[i]);
                continue;
            }
            int b = hi * 16 + lo;
            if (b < 0x80 && RESERVED.indexOf(b) >= 0) {
                String escape = "%" + HexFormat.of().withUpperCase().toHexDigits((byte) b);
                out.writeBytes(escape.getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(b);
            }
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** All keys, for signing upstream requests. */
    public List<String> keys() {
        return new ArrayList<>(keys);
    }

    /** A token that failed validation; the message never contains the token. */
    public static final class AuthException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message why the token was refused */
        public AuthException(String message) {
            super(message, null, false, false);
        }
    }
}

package io.webpubsub.mp.impl.upstream;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CloudEvents (binary mode) and Web PubSub headers of an event request, checked. Header names are looked up
 * lower-cased.
 */
final class CloudEventHeaders {

    private static final String METADATA_PREFIX = "x-webpubsub-metadata-";

    final EventKind kind;
    final String type;
    final String id;
    final String source;
    final Instant time;
    final String hub;
    final String connectionId;
    final String userId;
    final String eventName;
    final String subprotocol;
    final String signature;
    final String state;
    final String origin;
    final String physicalConnectionId;
    final String sessionId;
    final Map<String, String> metadata;

    private CloudEventHeaders(Map<String, List<String>> headers) {
        String specVersion = required(headers, "ce-specversion");
        if (!specVersion.equals("1.0")) {
            throw UpstreamFailure.badRequest("Header 'ce-specversion' must be 1.0, not " + UpstreamFailure.echo(
                    specVersion));
        }
        required(headers, "ce-awpsversion");
        type = required(headers, "ce-type");
        kind = EventKind.of(type);
        id = required(headers, "ce-id");
        source = required(headers, "ce-source");
        hub = required(headers, "ce-hub");
        connectionId = required(headers, "ce-connectionid");
        time = time(optional(headers, "ce-time"));
        userId = optional(headers, "ce-userid");
        String name = optional(headers, "ce-eventname");
        eventName = name != null ? name : kind == EventKind.USER ? type.substring(kind.typePrefix().length())
                : type.substring(type.lastIndexOf('.') + 1);
        subprotocol = emptyToNull(optional(headers, "ce-subprotocol"));
        List<String> signatures = headers.getOrDefault("ce-signature", List.of());
        signature = signatures.isEmpty() ? null : String.join(",", signatures);
        state = optional(headers, "ce-connectionstate");
        origin = optional(headers, "webhook-request-origin");
        physicalConnectionId = optional(headers, "ce-physicalconnectionid");
        sessionId = optional(headers, "ce-sessionid");
        metadata = metadata(headers);
    }

    /**
     * @param headers header name (lower case) to values
     * @throws UpstreamFailure 400 naming the first missing or malformed header
     */
    static CloudEventHeaders parse(Map<String, List<String>> headers) {
        return new CloudEventHeaders(headers);
    }

    static String optional(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw UpstreamFailure.badRequest("Header '" + display(name) + "' must appear once, not "
                    + values.size() + " times");
        }
        return values.get(0).trim();
    }

    private static String required(Map<String, List<String>> headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isEmpty()) {
            throw UpstreamFailure.badRequest("Missing CloudEvents header '" + display(name) + "'");
        }
        return value;
    }

    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw UpstreamFailure.badRequest("Header 'ce-time' is not an RFC 3339 time: "
                    + UpstreamFailure.echo(value));
        }
    }

    private static Map<String, String> metadata(Map<String, List<String>> headers) {
        Map<String, String> metadata = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name.startsWith(METADATA_PREFIX) && name.length() > METADATA_PREFIX.length() && !values.isEmpty()) {
                metadata.put(name.substring(METADATA_PREFIX.length()), String.join(",", values));
            }
        });
        return metadata;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The header's usual spelling, for messages. */
    private static String display(String lowerCase) {
        return switch (lowerCase) {
            case "ce-connectionid" -> "ce-connectionId";
            case "ce-userid" -> "ce-userId";
            case "ce-eventname" -> "ce-eventName";
            case "ce-connectionstate" -> "ce-connectionState";
            case "ce-physicalconnectionid" -> "ce-physicalConnectionId";
            case "ce-sessionid" -> "ce-sessionId";
            case "webhook-request-origin" -> "WebHook-Request-Origin";
            default -> lowerCase.toLowerCase(Locale.ROOT);
        };
    }
}

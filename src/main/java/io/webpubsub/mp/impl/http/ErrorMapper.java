package io.webpubsub.mp.impl.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.webpubsub.mp.WebPubSubServiceException;
import io.webpubsub.mp.impl.json.JsonCodec;

/**
 * Turns every response with status 400 or above into a {@link WebPubSubServiceException}: status,
 * {@code x-ms-error-code} (else the body's {@code code}), the body's {@code message} (else the body text), the
 * request line (from {@link RequestTrace}) and the requested retry wait.
 */
public final class ErrorMapper implements ResponseExceptionMapper<WebPubSubServiceException> {

    private static final int MAX_BODY_CHARS = 1000;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public int getPriority() {
        return 1;
    }

    @Override
    public WebPubSubServiceException toThrowable(Response response) {
        String request = response.getHeaderString(RequestTrace.REQUEST_HEADER);
        String body = body(response);
        JsonObject error = errorObject(body);
        String code = response.getHeaderString("x-ms-error-code");
        if (code == null || code.isBlank()) {
            code = member(error, "code");
        }
        String message = member(error, "message");
        if (message == null && body != null && !body.isBlank() && !body.trim().startsWith("{")) {
            message = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "…" : body.trim();
        }
        return Exceptions.forStatus(response.getStatus(), code, message,
                request == null ? "request" : request, RetryAfter.parse(response::getHeaderString));
    }

    /** The body's error object: the body itself, or its {@code error} member when it has one. */
    private static JsonObject errorObject(String body) {
        if (body == null || !body.trim().startsWith("{")) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            JsonObject json = JsonCodec.parse(body).asJsonObject();
            return json.get("error") instanceof JsonObject nested ? nested : json;
        } catch (RuntimeException unreadable) {
            return JsonValue.EMPTY_JSON_OBJECT; // the status still tells what failed
        }
    }

    private static String member(JsonObject error, String name) {
        return error.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

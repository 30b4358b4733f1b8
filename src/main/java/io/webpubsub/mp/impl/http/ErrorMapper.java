package io.webpubsub.mp.impl.http;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import io.webpubsub.mp.WebPubSubServiceException;

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
        String code = response.getHeaderString("x-ms-error-code");
        if (code == null || code.isBlank()) {
            code = ErrorBody.member(body, "code");
        }
        String message = ErrorBody.member(body, "message");
        if (message == null && body != null && !body.isBlank() && !body.trim().startsWith("{")) {
            message = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) + "…" : body.trim();
        }
        return Exceptions.forStatus(response.getStatus(), code, message,
                request == null ? "request" : request, RetryAfter.parse(response::getHeaderString));
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

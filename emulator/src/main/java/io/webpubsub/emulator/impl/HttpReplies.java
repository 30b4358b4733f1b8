package io.webpubsub.emulator.impl;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes complete HTTP responses. */
public final class HttpReplies {
    private HttpReplies() {
    }

    /** Writes a status with an optional body ({@code contentType} ignored when {@code body} is null). */
    public static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (body == null || body.length == 0) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Writes a plain-text status message. */
    public static void text(Response response, Callback callback, int status, String message) {
        write(response, callback, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }
}

package io.webpubsub.mp.impl.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import io.webpubsub.mp.rest.GroupsRequest;

/**
 * Writes the body of {@code :addToGroups} / {@code :removeFromGroups} itself, so the wire form is the same with
 * any JSON provider of the runtime (JSON-B, Jackson): {@code {"groups":[…],"filter":"…"}}, no {@code null}s.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class GroupsRequestWriter implements MessageBodyWriter<GroupsRequest> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return GroupsRequest.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(GroupsRequest request, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(json(request).getBytes(StandardCharsets.UTF_8));
    }

    static String json(GroupsRequest request) {
        StringBuilder json = new StringBuilder("{\"groups\":[");
        if (request.getGroups() != null) {
            for (int i = 0; i < request.getGroups().size(); i++) {
                json.append(i == 0 ? "" : ",");
                string(json, request.getGroups().get(i));
            }
        }
        json.append(']');
        if (request.getFilter() != null) {
            string(json.append(",\"filter\":"), request.getFilter());
        }
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}

package io.webpubsub.mp.impl.http;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import io.webpubsub.mp.impl.json.JsonCodec;
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
        JsonObjectBuilder json = JsonCodec.object()
                .add("groups", JsonCodec.array(Objects.requireNonNullElse(request.getGroups(), List.of())));
        if (request.getFilter() != null) {
            json.add("filter", request.getFilter());
        }
        return JsonCodec.write(json.build());
    }
}

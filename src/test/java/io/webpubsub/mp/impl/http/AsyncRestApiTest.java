package io.webpubsub.mp.impl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.rest.WebPubSubRestApi;

/** The asynchronous twin declares exactly the requests of the public interface, and no second root resource. */
class AsyncRestApiTest {

    @Test
    void everyOperationWithoutBodyHasAnIdenticalAsynchronousTwin() {
        Set<String> expected = new TreeSet<>();
        for (Method m : WebPubSubRestApi.class.getDeclaredMethods()) {
            if (m.getReturnType() == void.class && !m.getName().equals("getServiceStatus")) {
                expected.add(m.getName());
            }
        }
        Set<String> twins = new TreeSet<>();
        for (Method twin : AsyncRestApi.class.getDeclaredMethods()) {
            twins.add(twin.getName());
            Method sync = find(twin.getName());
            assertNotNull(sync, twin.getName());
            assertEquals(List.of(sync.getParameterTypes()), List.of(twin.getParameterTypes()), twin.getName());
            assertEquals(Arrays.deepToString(sync.getParameterAnnotations()),
                    Arrays.deepToString(twin.getParameterAnnotations()), twin.getName());
            assertEquals(annotations(sync).replace(sync.getAnnotation(Path.class).toString(), ""),
                    annotations(twin).replace(twin.getAnnotation(Path.class).toString(), ""), twin.getName());
            assertEquals(WebPubSubRestApi.class.getAnnotation(Path.class).value()
                    + sync.getAnnotation(Path.class).value(), twin.getAnnotation(Path.class).value(), twin.getName());
            ParameterizedType returned = (ParameterizedType) twin.getGenericReturnType();
            assertEquals(CompletionStage.class, returned.getRawType(), twin.getName());
            assertEquals(jakarta.ws.rs.core.Response.class, returned.getActualTypeArguments()[0], twin.getName());
        }
        assertEquals(expected, twins);
        assertNull(AsyncRestApi.class.getAnnotation(Path.class), "no root resource beside WebPubSubRestApi's");
    }

    private static Method find(String name) {
        return Arrays.stream(WebPubSubRestApi.class.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElse(null);
    }

    private static String annotations(java.lang.reflect.AnnotatedElement element) {
        Set<String> texts = new TreeSet<>();
        Arrays.stream(element.getAnnotations()).forEach(a -> texts.add(a.toString()));
        return texts.toString();
    }
}

package io.webpubsub.mp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubHubAsyncClient;
import io.webpubsub.mp.WebPubSubHubClient;

/** The async client has exactly the operations of the sync one, with the matching asynchronous result types. */
class ClientConsistencyTest {

    static Map<String, Type> operations(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .collect(Collectors.toMap(ClientConsistencyTest::signature, Method::getGenericReturnType, (a, b) -> a,
                        TreeMap::new));
    }

    static String signature(Method m) {
        return m.getName() + Arrays.stream(m.getGenericParameterTypes()).map(Type::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Test
    void sameOperationsAndParameters() {
        assertEquals(operations(WebPubSubHubClient.class).keySet(), operations(WebPubSubHubAsyncClient.class).keySet());
    }

    @Test
    void asyncResultTypesMatch() {
        Map<String, Type> sync = operations(WebPubSubHubClient.class);
        Map<String, Type> async = operations(WebPubSubHubAsyncClient.class);
        for (Map.Entry<String, Type> op : sync.entrySet()) {
            if (op.getKey().equals("getHub()") || op.getKey().equals("close()")) {
                assertEquals(op.getValue(), async.get(op.getKey()), op.getKey());
                continue;
            }
            Type expected = expectedAsync(op.getValue());
            assertEquals(expected.getTypeName(), async.get(op.getKey()).getTypeName(), op.getKey());
        }
    }

    static Type expectedAsync(Type syncType) {
        if (syncType instanceof ParameterizedType p && p.getRawType() == Stream.class) {
            return parameterized(Flow.Publisher.class, p.getActualTypeArguments()[0]);
        }
        Type boxed = syncType == void.class ? Void.class : syncType == boolean.class ? Boolean.class : syncType;
        return parameterized(CompletionStage.class, boxed);
    }

    static Type parameterized(Class<?> raw, Type argument) {
        return new ParameterizedType() {
            public Type[] getActualTypeArguments() {
                return new Type[] {argument};
            }

            public Type getRawType() {
                return raw;
            }

            public Type getOwnerType() {
                return raw.getDeclaringClass();
            }

            public String getTypeName() {
                return raw.getName() + "<" + argument.getTypeName() + ">";
            }
        };
    }
}

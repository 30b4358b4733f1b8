package io.webpubsub.mp.impl.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.webpubsub.mp.impl.http.AsyncRestApi;
import io.webpubsub.mp.rest.WebPubSubRestApi;

/**
 * One operation of {@link WebPubSubRestApi}, invoked by name: its request line comes from the method's
 * {@code @Path} and HTTP method annotations, so each route is spelled once; its asynchronous twin in
 * {@link AsyncRestApi}, if any, takes the same arguments. Callers pass path values as they are; the route
 * prepares them for the REST client ({@link HubOperations#esc}) and for the request line
 * ({@link HubOperations#pathText}).
 */
final class Route {

    private static final Map<String, Route> ROUTES = load();

    private final Method sync;
    private final Method async;
    private final String line;
    private final String[] pathParams;

    private Route(Method sync, Method async) {
        this.sync = sync;
        this.async = async;
        this.line = httpMethod(sync) + " " + WebPubSubRestApi.class.getAnnotation(Path.class).value()
                + sync.getAnnotation(Path.class).value();
        Parameter[] parameters = sync.getParameters();
        this.pathParams = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            PathParam param = parameters[i].getAnnotation(PathParam.class);
            pathParams[i] = param == null ? null : param.value();
        }
    }

    private static Map<String, Route> load() {
        Map<String, Method> twins = new HashMap<>();
        for (Method m : AsyncRestApi.class.getMethods()) {
            twins.put(m.getName(), m);
        }
        Map<String, Route> routes = new HashMap<>();
        for (Method m : WebPubSubRestApi.class.getMethods()) {
            if (m.isAnnotationPresent(Path.class)) {
                routes.put(m.getName(), new Route(m, twins.get(m.getName())));
            }
        }
        return Map.copyOf(routes);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        throw new IllegalStateException("No HTTP method on " + method);
    }

    /**
     * @param operation the method name in {@link WebPubSubRestApi}
     * @return its route
     */
    static Route of(String operation) {
        Route route = ROUTES.get(operation);
        if (route == null) {
            throw new IllegalArgumentException("No REST operation " + operation);
        }
        return route;
    }

    /**
     * @param endpoint the service endpoint
     * @param args the arguments, path values as they are
     * @return {@code METHOD URL-without-query}, for failures
     */
    String line(String endpoint, Object[] args) {
        String text = line;
        for (int i = 0; i < args.length; i++) {
            if (pathParams[i] != null) {
                text = text.replace("{" + pathParams[i] + "}", HubOperations.pathText((String) args[i]));
            }
        }
        return text.replace(" /", " " + endpoint + "/");
    }

    /**
     * @param args the arguments, path values as they are
     * @return the arguments for the REST client
     */
    Object[] wire(Object[] args) {
        Object[] wire = args.clone();
        for (int i = 0; i < wire.length; i++) {
            if (pathParams[i] != null) {
                wire[i] = HubOperations.esc((String) wire[i]);
            }
        }
        return wire;
    }

    /** @return whether the operation has an asynchronous twin */
    boolean async() {
        return async != null;
    }

    /**
     * @param api the REST client
     * @param wire the arguments from {@link #wire}
     * @return the result
     */
    Object invoke(WebPubSubRestApi api, Object[] wire) {
        return call(sync, api, wire);
    }

    /**
     * @param api the asynchronous REST client
     * @param wire the arguments from {@link #wire}
     * @return the pending result
     */
    @SuppressWarnings("unchecked")
    CompletionStage<Void> invokeAsync(AsyncRestApi api, Object[] wire) {
        return ((CompletionStage<Response>) call(async, api, wire)).thenApply(response -> {
            response.close();
            return null;
        });
    }

    private static Object call(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

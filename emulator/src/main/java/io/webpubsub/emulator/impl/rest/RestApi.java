package io.webpubsub.emulator.impl.rest;

import io.webpubsub.emulator.impl.Engine;
import io.webpubsub.emulator.impl.HttpReplies;
import io.webpubsub.emulator.impl.auth.Jwt;
import io.webpubsub.emulator.impl.auth.TokenValidator;
import io.webpubsub.emulator.impl.fault.FaultRules;
import io.webpubsub.emulator.impl.Jsons;
import jakarta.json.JsonValue;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST data plane of api-version 2024-12-01 under {@code /api}: authentication, api-version, routing, body
 * limits and injected faults; the operations themselves are {@link Operations}.
 */
public final class RestApi {
    /** Accepted api-versions. */
    public static final List<String> API_VERSIONS = List.of("2021-10-01", "2022-11-01", "2023-07-01", "2024-01-01",
            "2024-12-01");
    /** Reason sent to clients closed through the REST API without a reason. */
    public static final String DEFAULT_CLOSE_REASON = "Closed by REST API.";
    private static final String SUPPORTED_VERSIONS = String.join(", ", API_VERSIONS);

    private final Engine engine;
    private final List<Route> routes;

    /** Creates the API over an engine. */
    public RestApi(Engine engine) {
        this.engine = engine;
        this.routes = new Operations(engine).routes();
    }

    Engine engine() {
        return engine;
    }

    /** The names of the operations, lower-case, as fault rules use them. */
    public Set<String> operationNames() {
        return routes.stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * A body declared up to this size is read and dropped before its 413 answer: closing a connection with unread
     * data resets it, and a client still writing (an SDK sending a message over the limit) would lose the answer.
     * Larger declared bodies are refused at once and their connection closed.
     */
    private static final long DRAIN_LIMIT = 4L * RestCall.MAX_BODY;

    /**
     * Handles a request under {@code /api}; {@code segments} are the decoded path segments after it. No thread waits
     * for the client: a refused request is answered before its body is read and its connection closed, a body larger
     * than {@link RestCall#MAX_BODY} is refused from its {@code Content-Length}, and the body is read asynchronously
     * (a client that stops sending it is cut off by the connector's idle timeout).
     */
    public void handle(Request request, Response response, Callback callback, List<String> segments) {
        response.getHeaders().put("api-supported-versions", SUPPORTED_VERSIONS);
        RestCall call;
        try {
            call = accept(request, segments);
        } catch (RestException e) {
            if (e.status == 413 && request.getLength() <= DRAIN_LIMIT) {
                discard(request, () -> refuse(request, response, callback, null, e, false));
            } else {
                refuse(request, response, callback, null, e, request.getLength() != 0);
            }
            return;
        }
        if (request.getLength() == 0) {
            run(call, new byte[0], response, callback);
            return;
        }
        Content.Source.asByteArrayAsync(request, RestCall.MAX_BODY).whenComplete((body, failure) -> {
            if (failure == null) {
                run(call, body, response, callback);
            } else {
                RestException e = failure instanceof IllegalArgumentException ? RestCall.tooLarge()
                        : RestException.badRequest("The request body could not be read.", "Request");
                refuse(request, response, callback, call, e, true);
            }
        });
    }

    /**
     * Reads and drops the rest of a request body without holding a thread, then runs {@code then}; a client that
     * stops sending is cut off by the connector's idle timeout.
     */
    private static void discard(Request request, Runnable then) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> discard(request, then));
                return;
            }
            chunk.release();
            if (Content.Chunk.isFailure(chunk) || chunk.isLast()) {
                then.run();
                return;
            }
        }
    }

    /** Routing, authentication and the checks that need no body. */
    private RestCall accept(Request request, List<String> segments) throws RestException {
        Route route = route(request.getMethod(), segments);
        Map<String, String> vars = new HashMap<>();
        route.matches(segments, vars);
        Fields query;
        try {
            query = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            throw RestException.badRequest("The query string has an invalid %-escape.", "Request");
        }
        RestCall call = new RestCall(request, vars, query, this, route);
        if (!route.template().get(0).equals("health")) {
            authenticate(request);
        }
        checkApiVersion(query);
        if (request.getLength() > RestCall.MAX_BODY) {
            throw RestCall.tooLarge();
        }
        return call;
    }

    private void run(RestCall call, byte[] body, Response response, Callback callback) {
        FaultRules.Rule fault = engine.faults().take(FaultRules.Target.REST, call.route.name(), call.vars.get("hub"));
        if (fault == null) {
            runNow(call, body, response, callback);
        } else if (fault.delay() != null && !fault.delay().isZero()) {
            engine.schedule(() -> inject(fault, call, body, response, callback), fault.delay());
        } else {
            inject(fault, call, body, response, callback);
        }
    }

    private void inject(FaultRules.Rule fault, RestCall call, byte[] body, Response response, Callback callback) {
        Request request = call.request;
        engine.trace().log(call.vars.get("hub"), "REST " + call.route.name() + ": injected "
                + (fault.reset() ? "connection reset" : fault.status() > 0 ? "status " + fault.status() : "delay"));
        if (fault.reset()) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            callback.failed(new java.io.IOException("Injected connection reset"));
        } else if (fault.status() > 0) {
            Duration retryAfter = fault.retryAfter() != null ? fault.retryAfter()
                    : fault.status() == 429 ? Duration.ofSeconds(1) : null;
            if (retryAfter != null) {
                response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter.toSeconds());
            }
            refuse(request, response, callback, call, new RestException(fault.status(), injectedCode(fault.status()),
                    "Injected fault: status " + fault.status() + ".", "Request"), false);
        } else {
            runNow(call, body, response, callback);
        }
    }

    private static String injectedCode(int status) {
        return switch (status) {
            case 429 -> "Error.TooManyRequests";
            case 503 -> "Error.ServiceUnavailable";
            case 500 -> "Error.InternalServerError";
            default -> "Error.InjectedFault";
        };
    }

    private void runNow(RestCall call, byte[] body, Response response, Callback callback) {
        Request request = call.request;
        try {
            call.body = body;
            call.route.operation().run(call);
            HttpReplies.write(response, callback, call.status, call.contentType,
                    request.getMethod().equals("HEAD") ? null : call.reply);
        } catch (RestException e) {
            refuse(request, response, callback, call, e, false);
        } catch (Throwable e) {
            engine.trace().log(call.vars.get("hub"), "REST " + request.getMethod() + " "
                    + request.getHttpURI().getPath() + " failed: " + e.getClass().getName());
            refuse(request, response, callback, call,
                    new RestException(500, "Error.InternalServerError", "Internal error.", "Request"), false);
        }
    }

    /** Answers an error; {@code close} when the body was not read, so that the connection cannot be reused. */
    private void refuse(Request request, Response response, Callback callback, RestCall call, RestException e,
                        boolean close) {
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        if (e.status != 404 || !"Info.Connection.NotExisted".equals(e.code) || !head) {
            engine.trace().log(call == null ? null : call.vars.get("hub"), "REST " + method + " "
                    + request.getHttpURI().getPath() + " -> " + e.status + " " + e.getMessage());
        }
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.getHeaders().put("x-ms-error-code", e.code);
        String body = Jsons.PROVIDER.createObjectBuilder().add("code", e.code).add("message", e.getMessage())
                .add("target", e.target == null ? JsonValue.NULL : Jsons.PROVIDER.createValue(e.target))
                .addNull("details").addNull("innererror").build().toString();
        HttpReplies.write(response, callback, e.status, "application/json; charset=utf-8",
                head || e.status == 401 ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private Route route(String method, List<String> segments) throws RestException {
        boolean pathKnown = false;
        for (Route r : routes) {
            if (r.matches(segments, new HashMap<>())) {
                if (r.method().equals(method)) {
                    return r;
                }
                pathKnown = true;
            }
        }
        if (pathKnown) {
            throw new RestException(405, "Error.MethodNotAllowed", "The method " + method + " is not allowed here.",
                    "Request");
        }
        throw new RestException(404, "Error.NotFound", "The requested path is not part of the REST API.", "Request");
    }

    private void authenticate(Request request) throws RestException {
        String auth = request.getHeaders().get("Authorization");
        try {
            Jwt jwt = engine.validator().validateRest(auth, request.getHttpURI().asString());
            if (engine.validator().isEntra(jwt)) {
                engine.trace().log(null, "REST call with an Entra token (not validated)");
            }
        } catch (TokenValidator.AuthException e) {
            throw new RestException(401, "Error.Unauthorized", e.getMessage() + ".", "Authorization");
        }
    }

    private static void checkApiVersion(Fields query) throws RestException {
        List<String> versions = query.getValues("api-version");
        if (versions == null || versions.isEmpty()) {
            return;
        }
        if (versions.size() > 1) {
            throw RestException.badRequest("The api-version parameter may be given only once.", "api-version");
        }
        if (!API_VERSIONS.contains(versions.get(0))) {
            throw RestException.badRequest("Unsupported api-version '" + versions.get(0) + "'. Supported: "
                    + SUPPORTED_VERSIONS + ".", "api-version");
        }
    }
}

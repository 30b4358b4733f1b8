package io.webpubsub.emulator.impl.rest;

import io.webpubsub.emulator.impl.Names;
import io.webpubsub.emulator.impl.hub.Hub;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import java.util.List;
import java.util.Map;

/** The parts of one REST request an operation needs, and the reply it sets. */
final class RestCall {
    /** Maximum request body: 1 MiB. */
    static final int MAX_BODY = 1024 * 1024;

    final Request request;
    final Map<String, String> vars;
    final Fields query;
    final RestApi api;
    final Route route;
    int status = 200;
    String contentType;
    byte[] body;
    byte[] reply;

    RestCall(Request request, Map<String, String> vars, Fields query, RestApi api, Route route) {
        this.request = request;
        this.route = route;
        this.vars = vars;
        this.query = query;
        this.api = api;
    }

    /** The addressed hub (validated, case-insensitive). */
    Hub hub() throws RestException {
        String name = vars.get("hub");
        String error = Names.hubError(name);
        if (error != null) {
            throw RestException.badRequest(error, "hub");
        }
        return api.engine().hub(name);
    }

    /** The {@code group} path parameter, validated. */
    String group() throws RestException {
        return validGroup(vars.get("group"), "group");
    }

    static String validGroup(String group, String target) throws RestException {
        String error = Names.groupError(group);
        if (error != null) {
            throw RestException.badRequest(error, target);
        }
        return group;
    }

    String var(String name) {
        return vars.get(name);
    }

    /** A single query value (the last when repeated), or null. */
    String query(String name) {
        List<String> values = query.getValues(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** All values of a repeated query parameter. */
    List<String> queries(String name) {
        List<String> values = query.getValues(name);
        return values == null ? List.of() : values;
    }

    /** An optional integer query parameter within bounds. */
    int intQuery(String name, int defaultValue, long min, long max) throws RestException {
        String v = query(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw RestException.badRequest("The " + name + " parameter must be an integer from " + min + " to " + max
                + ", got '" + v + "'.", name);
    }

    /** The request body, read before the operation runs (at most {@link #MAX_BODY} bytes). */
    byte[] body() {
        return body;
    }

    static RestException tooLarge() {
        return new RestException(413, "Error.PayloadTooLarge", "The request body exceeds 1 MiB.", "Request");
    }

    void noContent() {
        status = 204;
    }

    void json(int status, String json) {
        this.status = status;
        this.contentType = "application/json; charset=utf-8";
        this.reply = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

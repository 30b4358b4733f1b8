package io.webpubsub.emulator.impl;

import io.webpubsub.emulator.impl.rest.AdminApi;
import io.webpubsub.emulator.impl.rest.RestApi;
import io.webpubsub.emulator.impl.ws.ClientEndpoint;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Jetty server: routes {@code /api/...} to the REST API and {@code /client...} to the WebSocket endpoint. */
public final class EmulatorServer implements AutoCloseable {
    /** Maximum client frame: 1 MiB; larger frames are closed with 1009. */
    public static final int MAX_FRAME = 1024 * 1024;
    /**
     * Request line plus headers: 64 KiB. A REST token's {@code aud} repeats the URL, and filters the service accepts
     * (several KB, e.g. {@code userId in (...)} with hundreds of ids) pass Jetty's 8 KiB default twice over.
     */
    public static final int MAX_REQUEST_HEADERS = 64 * 1024;
    /** A connection that sends or reads nothing for this long is closed (slow bodies, idle peers): 30 s. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    // pooled threads above the minimum end after this idle time, so a storm leaves no threads behind
    private static final int THREAD_IDLE_MILLIS = 5000;

    private final Server server;
    private final ServerConnector connector;
    private final Engine engine;
    private final RestApi rest;
    private final AdminApi admin;

    /** Starts listening; {@code settings.port()} 0 picks a free port. */
    public EmulatorServer(EmulatorSettings settings) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4, THREAD_IDLE_MILLIS);
        threads.setName("webpubsub-emulator");
        threads.setDaemon(true);
        threads.setMaxEvictCount(200);
        // Jetty's timer thread starts with the first connection and stays; named, it is not mistaken for a leak
        server = new Server(threads, new ScheduledExecutorScheduler("webpubsub-emulator-timer", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(MAX_REQUEST_HEADERS);
        // group and user names may contain '/', '%', ".." and the like, escaped in one path segment
        http.setUriCompliance(UriCompliance.DEFAULT.with("webpubsub", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
                UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        engine = new Engine(settings, () -> originHost(settings.host()) + ":" + connector.getLocalPort(),
                Clock.systemUTC());
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_FRAME);
            container.setMaxBinaryMessageSize(MAX_FRAME);
            container.setIdleTimeout(settings.keepAliveInterval().multipliedBy(3).plus(Duration.ofMinutes(2)));
        });
        rest = new RestApi(engine);
        admin = new AdminApi(engine);
        ClientEndpoint clients = new ClientEndpoint(engine, ws.getServerWebSocketContainer());
        ws.setHandler(new Router(rest, admin, clients, engine.trace()));
        server.setHandler(ws);
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            engine.close();
            server.stop();
            throw e;
        }
    }

    private static String originHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** The bound port. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Lets {@code POST /admin/faults} inject parsed faults through {@code inject}. */
    public void adminFaults(java.util.function.Consumer<io.webpubsub.emulator.Fault> inject) {
        admin.inject(inject);
    }

    /** The REST operation names, lower-case. */
    public java.util.Set<String> restOperations() {
        return rest.operationNames();
    }

    /** The engine. */
    public Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The emulator did not stop cleanly", e);
        }
    }

    private static final class Router extends Handler.Abstract {
        private final RestApi rest;
        private final AdminApi admin;
        private final ClientEndpoint clients;
        private final LiveTrace trace;

        Router(RestApi rest, AdminApi admin, ClientEndpoint clients, LiveTrace trace) {
            this.rest = rest;
            this.admin = admin;
            this.clients = clients;
            this.trace = trace;
        }

        // Failures are answered here: Jetty's own error path would log the request URL, which may hold an access token.
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                route(request, response, callback);
            } catch (Throwable e) {
                trace.log(null, request.getMethod() + " " + request.getHttpURI().getPath() + " failed: " + e.getClass()
                        .getName());
                if (!response.isCommitted()) {
                    HttpReplies.text(response, callback, 500, "Internal error.");
                } else {
                    callback.failed(e);
                }
            }
            return true;
        }

        private void route(Request request, Response response, Callback callback) {
            List<String> segments;
            try {
                segments = segments(request.getHttpURI().getPath());
            } catch (IllegalArgumentException e) {
                HttpReplies.text(response, callback, 400, "The request path has an invalid %-escape.");
                return;
            }
            if (!segments.isEmpty() && segments.get(0).equals("api")) {
                rest.handle(request, response, callback, segments.subList(1, segments.size()));
            } else if (!segments.isEmpty() && segments.get(0).equals("admin")) {
                admin.handle(request, response, callback, segments.subList(1, segments.size()));
            } else if (!segments.isEmpty() && segments.get(0).equals("client")) {
                clients.handle(request, response, callback, segments.subList(1, segments.size()));
            } else {
                HttpReplies.text(response, callback, 404, "Not found.");
            }
        }

        /** Decoded path segments; a trailing slash yields a last empty segment. */
        private static List<String> segments(String rawPath) {
            List<String> list = new ArrayList<>();
            if (rawPath == null || rawPath.length() <= 1) {
                return list;
            }
            for (String s : rawPath.substring(1).split("/", -1)) {
                list.add(ClientEndpoint.decode(s));
            }
            return list;
        }
    }
}

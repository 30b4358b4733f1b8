package io.webpubsub.bench.common;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The floors, on bare Jetty 12 (the emulator's own server library), in a child JVM:
 * <ul>
 * <li>without {@code --ws}: the minimal HTTP server answering every request with 202 (client benchmarks);</li>
 * <li>with {@code --ws}: also a bare WebSocket endpoint at {@code /client/hubs/*} (json.webpubsub.azure.v1 accepted,
 * a {@code connected} frame sent on open, group from {@code ?floor_group=}) and a broadcast loop: a POST to
 * {@code .../:send} writes the same JSON frame the emulator would send to every session, a POST to
 * {@code .../groups/<g>/:send} to every session of that group. No auth, no queues: the floor.</li>
 * </ul>
 */
public final class FloorServer implements AutoCloseable {
    private final Server server = new Server();
    private final Set<Session> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Session>> groups = new ConcurrentHashMap<>();
    private final ServerConnector connector;

    public FloorServer(boolean ws) throws Exception {
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Handler.Abstract rest = ws ? new Broadcast() : new Accept202();
        if (ws) {
            WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
                container.setIdleTimeout(Duration.ofMinutes(10));
                container.addMapping("/client/hubs/*", (req, resp, cb) -> {
                    if (req.getSubProtocols().contains("json.webpubsub.azure.v1")) {
                        resp.setAcceptedSubProtocol("json.webpubsub.azure.v1");
                    }
                    Fields query = Request.extractQueryParameters(req);
                    return new Endpoint(query.getValue("floor_group"));
                });
            });
            upgrade.setHandler(rest);
            server.setHandler(upgrade);
        } else {
            server.setHandler(rest);
        }
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public static void main(String[] args) throws Exception {
        FloorServer s = new FloorServer(List.of(args).contains("--ws"));
        ServerControl.serve(new ConnStr(s.endpoint(), Targets.KEY).connectionString(), s);
    }

    private static final class Accept202 extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Content.Source.consumeAll(request);
            response.setStatus(HttpStatus.ACCEPTED_202);
            callback.succeeded();
            return true;
        }
    }

    private final class Broadcast extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            int g = path.indexOf("/groups/");
            if (path.endsWith("/:send")) {
                if (g >= 0) {
                    String group = path.substring(g + 8, path.length() - 6);
                    send(groups.getOrDefault(group, Set.of()), "{\"type\":\"message\",\"from\":\"group\",\"group\":\""
                            + group + "\",\"dataType\":\"text\",\"data\":\"" + escape(body) + "\"}");
                } else {
                    send(all, "{\"type\":\"message\",\"from\":\"server\",\"dataType\":\"text\",\"data\":\""
                            + escape(body) + "\"}");
                }
            }
            response.setStatus(HttpStatus.ACCEPTED_202);
            callback.succeeded();
            return true;
        }

        private void send(Set<Session> sessions, String frame) {
            for (Session s : sessions) {
                s.sendText(frame, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    public final class Endpoint implements Session.Listener.AutoDemanding {
        private final String group;
        private Session session;

        Endpoint(String group) {
            this.group = group;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            all.add(s);
            if (group != null) {
                groups.computeIfAbsent(group, k -> ConcurrentHashMap.newKeySet()).add(s);
            }
            s.sendText("{\"type\":\"system\",\"event\":\"connected\",\"userId\":null,\"connectionId\":\""
                    + UUID.randomUUID() + "\"}", org.eclipse.jetty.websocket.api.Callback.NOOP);
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            all.remove(session);
            if (group != null) {
                groups.getOrDefault(group, Set.of()).remove(session);
            }
        }
    }
}

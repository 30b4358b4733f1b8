package io.webpubsub.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the upstream beans saw, one line per event; {@code GET /events} lets the scenarios read it. */
@ApplicationScoped
@Path("events")
public class EventLog {

    private final CopyOnWriteArrayList<String> lines = new CopyOnWriteArrayList<>();

    void add(String line) {
        lines.add(line);
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String read() {
        return String.join("\n", lines);
    }
}

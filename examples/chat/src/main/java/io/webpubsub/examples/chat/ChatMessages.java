package io.webpubsub.examples.chat;

import java.util.List;

/** What the server sends to browsers, as JSON (JSON-B serialises these records, so they are public). */
public final class ChatMessages {

    private ChatMessages() {
    }

    /** A user came into or left a room; sent to the room's group. */
    public record Presence(String kind, String user, String action) {
        static Presence joined(String user) {
            return new Presence("presence", user, "joined");
        }

        static Presence left(String user) {
            return new Presence("presence", user, "left");
        }
    }

    /** A notice from the operators; sent to every connection. */
    public record Notice(String kind, String text) {
        Notice(String text) {
            this("notice", text);
        }
    }

    /** The answer to {@code /who}; sent back to the asking connection only. */
    public record Who(String kind, String room, List<String> users) {
        Who(String room, List<String> users) {
            this("who", room, users);
        }
    }
}

package io.webpubsub.examples.chat;

import java.util.regex.Pattern;

/** Names of users and rooms, and the Web PubSub group of each room. */
final class Rooms {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String GROUP_PREFIX = "room-";

    private Rooms() {
    }

    /** The group that carries a room's messages. */
    static String group(String room) {
        return GROUP_PREFIX + room;
    }

    /** The room of a group, or null for groups that are not rooms. */
    static String room(String group) {
        return group != null && group.startsWith(GROUP_PREFIX) ? group.substring(GROUP_PREFIX.length()) : null;
    }

    /** Whether a user or room name is acceptable: 1 to 32 letters, digits, '-' or '_'. */
    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}

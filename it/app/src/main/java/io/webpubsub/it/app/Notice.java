package io.webpubsub.it.app;

/** A JSON message the app sends as an object, serialised by the library through JSON-B. */
public class Notice {

    public String title;
    public int level;

    public Notice() {
    }

    public Notice(String title, int level) {
        this.title = title;
        this.level = level;
    }
}

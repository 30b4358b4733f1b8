package io.webpubsub.emulator.impl.filter;

/** Static type of a filter expression; the names are the ones the service prints in its errors. */
enum FilterType {
    STRING("string"),
    INT("int"),
    BOOL("bool"),
    NULL("null"),
    COLLECTION("collection");

    private final String displayName;

    FilterType(String displayName) {
        this.displayName = displayName;
    }

    /** Whether a value of this type may stand where {@code expected} is required ({@code null} fits any scalar). */
    boolean fits(FilterType expected) {
        return this == expected || (this == NULL && expected != COLLECTION);
    }

    @Override
    public String toString() {
        return displayName;
    }
}

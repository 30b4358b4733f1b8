package io.webpubsub.bench.client;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.webpubsub.bench.common.ConnStr;
import io.webpubsub.bench.common.Deps;

/** The clients under test, by name. */
public final class Clients {
    /** Every implementation, in table order. */
    static final List<String> ALL = List.of("ours-sync", "ours-async", "sdk-sync", "sdk-async", "floor-sync",
            "floor-async");

    private Clients() {
    }

    /**
     * Creates a client by reflection, so that each implementation's classes are loaded only in the JVM that runs it
     * (each runs on its own runtime classpath, see {@link #classpath}).
     */
    public static SendClient create(String impl, String connectionString, String hub) throws Exception {
        String cs = ConnStr.parse(connectionString).connectionString();
        String type = switch (impl.substring(0, impl.indexOf('-'))) {
            case "sdk" -> "SdkClient";
            case "floor" -> "FloorClient";
            case "ours" -> "OursClient";
            default -> throw new IllegalArgumentException("unknown impl " + impl + "; one of " + ALL);
        };
        boolean async = switch (impl.substring(impl.indexOf('-') + 1)) {
            case "sync" -> false;
            case "async" -> true;
            default -> throw new IllegalArgumentException("unknown impl " + impl + "; one of " + ALL);
        };
        Method create = Class.forName(Clients.class.getPackageName() + "." + type)
                .getDeclaredMethod("create", boolean.class, String.class, String.class);
        create.setAccessible(true);
        return (SendClient) create.invoke(null, async, cs, hub);
    }

    /** The runtime classpath of an implementation: its own dependencies only (plus the bench classes). */
    static String classpath(String impl) {
        List<Path> jars = new ArrayList<>();
        if (impl.startsWith("ours")) {
            jars.addAll(Deps.jars("ours"));
            jars.addAll(Deps.jars("stack"));
        } else if (impl.startsWith("sdk")) {
            jars.addAll(Deps.jars("sdk"));
        }
        return Deps.classpath(jars);
    }
}

package io.webpubsub.it.scenarios.arquillian;

import io.webpubsub.it.scenarios.AppConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The app as the Arquillian runtimes deploy it: a WAR whose {@code WEB-INF/lib} holds the app jar, the library and
 * the library's runtime dependencies (copied by the module's build into {@code target/deployment-libs}), and whose
 * only configuration is the generated {@code microprofile-config.properties}.
 */
public final class AppWar {

    private AppWar() {
    }

    /** The WAR configured with these properties. */
    public static WebArchive create(String name, Map<String, String> properties) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
        for (Path jar : libraries()) {
            // imported as archives, not opaque files, so Weld embedded sees them as bean archives
            war.addAsLibrary(ShrinkWrap.createFromZipFile(JavaArchive.class, jar.toFile()));
        }
        war.addAsResource(new StringAsset(AppConfig.asPropertiesFile(properties)),
                "META-INF/microprofile-config.properties");
        return war;
    }

    private static List<Path> libraries() {
        Path dir = Path.of(System.getProperty("it.deployment.libs", "target/deployment-libs"));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + dir.toAbsolutePath());
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the deployment's libraries in " + dir.toAbsolutePath(), e);
        }
    }
}

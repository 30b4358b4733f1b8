package io.webpubsub.emulator.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.webpubsub.emulator.WebPubSubEmulator;
import org.junit.jupiter.api.Test;

/**
 * The package rules: the API packages ({@code io.webpubsub.emulator}, {@code .junit}, {@code .mp}, {@code .spi})
 * never use the implementation, without exception ({@link WebPubSubEmulator} reaches it through
 * {@code spi.EmulatorProvider}), and the implementation's packages form no cycle.
 */
class ArchitectureTest {

    private static final JavaClasses EMULATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.webpubsub.emulator");

    @Test
    void theApiNeverUsesTheImplementation() {
        noClasses().that().resideInAnyPackage("io.webpubsub.emulator", "io.webpubsub.emulator.junit",
                "io.webpubsub.emulator.mp", "io.webpubsub.emulator.spi")
                .should().dependOnClassesThat().resideInAPackage("io.webpubsub.emulator.impl..")
                .check(EMULATOR);
    }

    @Test
    void theImplementationPackagesFormNoCycle() {
        slices().matching("io.webpubsub.emulator.impl.(*)..").should().beFreeOfCycles().check(EMULATOR);
    }
}

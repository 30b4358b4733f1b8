package io.webpubsub.mp.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

import io.webpubsub.mp.WebPubSubClientBuilder;
import io.webpubsub.mp.events.EventEndpoint;

/**
 * The package rules: the contract packages ({@code io.webpubsub.mp}, {@code .events}, {@code .models},
 * {@code .rest}, {@code .spi}) never use the implementation, and the implementation's packages form no cycle.
 * Two classes are still the seam into the implementation and are named here so that no other class joins them:
 * {@code WebPubSubClientBuilder} (builds the implementation's clients) and {@code EventEndpoint} (lists the
 * implementation's resource classes for applications that register classes by hand).
 */
class ArchitectureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.webpubsub.mp");

    @Test
    void theApiNeverUsesTheImplementation() {
        noClasses().that().resideInAnyPackage("io.webpubsub.mp", "io.webpubsub.mp.events", "io.webpubsub.mp.models",
                "io.webpubsub.mp.rest", "io.webpubsub.mp.spi")
                .and(not(belongToAnyOf(WebPubSubClientBuilder.class, EventEndpoint.class)))
                .should().dependOnClassesThat().resideInAPackage("io.webpubsub.mp.impl..")
                .check(LIBRARY);
    }

    @Test
    void theImplementationPackagesFormNoCycle() {
        slices().matching("io.webpubsub.mp.impl.(*)..").should().beFreeOfCycles().check(LIBRARY);
    }
}

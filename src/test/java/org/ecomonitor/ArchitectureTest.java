package org.ecomonitor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The package layers of ../GUIDE: layers only look down, JavaFX lives in gui, standard streams in cli.
 * Held from the first commit, with no exceptions.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ecomonitor");
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.ecomonitor..")
                .layer("i18n").definedBy("org.ecomonitor.i18n..")
                .layer("model").definedBy("org.ecomonitor.model..")
                .layer("geo").definedBy("org.ecomonitor.geo..")
                .layer("store").definedBy("org.ecomonitor.store..")
                .layer("io").definedBy("org.ecomonitor.io..")
                .layer("analysis").definedBy("org.ecomonitor.analysis..")
                .layer("sync").definedBy("org.ecomonitor.sync..")
                .layer("server").definedBy("org.ecomonitor.server..")
                .layer("gui").definedBy("org.ecomonitor.gui..")
                .layer("cli").definedBy("org.ecomonitor.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("gui").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("sync").mayOnlyBeAccessedByLayers("gui", "cli")
                .whereLayer("io").mayOnlyBeAccessedByLayers("sync", "server", "gui", "cli")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("io", "sync", "server", "gui", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("io", "sync", "server", "gui", "cli")
                .whereLayer("geo").mayOnlyBeAccessedByLayers("store", "io", "analysis", "sync", "server", "gui", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("geo", "store", "io", "analysis", "sync", "server", "gui", "cli")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.ecomonitor.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ecomonitor.i18n..", "org.ecomonitor.geo..", "org.ecomonitor.store..",
                        "org.ecomonitor.io..", "org.ecomonitor.analysis..", "org.ecomonitor.sync..",
                        "org.ecomonitor.server..", "org.ecomonitor.gui..", "org.ecomonitor.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void javaFxControlsFxAndGluonOnlyInGui() {
        noClasses().that().resideOutsideOfPackage("org.ecomonitor.gui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.gluonhq..")
                .check(classes);
    }

    @Test
    void analysisTouchesNeitherStoreNorGui() {
        noClasses().that().resideInAPackage("org.ecomonitor.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ecomonitor.store..", "org.ecomonitor.gui..", "org.ecomonitor.io..", "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void serverTouchesNeitherGuiNorSync() {
        noClasses().that().resideInAPackage("org.ecomonitor.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ecomonitor.gui..", "org.ecomonitor.sync..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCliWritesToStandardStreams() {
        noClasses().that().resideOutsideOfPackage("org.ecomonitor.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }
}

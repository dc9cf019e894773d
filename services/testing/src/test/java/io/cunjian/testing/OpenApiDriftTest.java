package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiDriftTest {

    static final String COMMITTED = "---\nopenapi: 3.1.0\npaths:\n  /villages:\n    get:\n      operationId: list\n";

    @TempDir
    Path root;

    @Test
    void aChangedDocumentFailsAndSaysHowToRegenerateIt() throws Exception {
        Path file = OpenApiDrift.committedDocument(root, "work-orders");
        Files.createDirectories(file.getParent());
        Files.writeString(file, COMMITTED);

        Optional<String> drift = OpenApiDrift.check("work-orders", COMMITTED.replace("operationId: list", "operationId: listVillages"),
                file, false);

        assertThat(drift).hasValueSatisfying(message -> assertThat(message)
                .contains("differs from " + file)
                .contains("from line 6: committed \"      operationId: list\", service \"      operationId: listVillages\"")
                .contains("./mvnw -B verify -pl services/work-orders -am -Dcunjian.openapi.update=true"));
    }

    @Test
    void theSameDocumentPassesWhateverItsLineEndings() throws Exception {
        Path file = OpenApiDrift.committedDocument(root, "reporting");
        Files.createDirectories(file.getParent());
        Files.writeString(file, COMMITTED.replace("\n", "\r\n"));

        assertThat(OpenApiDrift.check("reporting", COMMITTED, file, false)).isEmpty();
    }

    @Test
    void aMissingDocumentFailsAndUpdateWritesIt() {
        Path file = OpenApiDrift.committedDocument(root, "reporting");

        assertThat(OpenApiDrift.check("reporting", COMMITTED, file, false)).hasValueSatisfying(m -> assertThat(m)
                .contains("does not exist").contains("-Dcunjian.openapi.update=true"));
        assertThat(OpenApiDrift.check("reporting", COMMITTED, file, true)).isEmpty();
        assertThat(file).hasContent(COMMITTED);
        assertThat(OpenApiDrift.check("reporting", COMMITTED, file, false)).isEmpty();
    }
}

package io.cunjian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository stands alone: no file sends a reader to the notes beside it, to a path on one
 * machine or to an issue number. The design lives in docs/design.md, decisions in docs/adr/.
 */
class RepositoryStandsAloneTest {

    // Built from pieces so that this file itself stays clean.
    private static final String NOTES = "DESIGN" + ".md";
    private static final String BESIDE = ".." + "/shared";
    private static final String MACHINE = "/wo" + "rk/";
    private static final String SEEDS = "shar" + "ed/seeds/";

    @Test
    void noFileOfTheRepositoryRefersOutsideIt() {
        Path root = OutsideReferences.repositoryRoot(Path.of(""));
        assertThat(OutsideReferences.files(root)).as("files scanned under " + root)
                .contains("pom.xml", "README.md", "docs/design.md");

        List<OutsideReferences.Finding> findings = OutsideReferences.scan(root);

        assertThat(findings).as("references out of the repository (file:line: rule: text)").isEmpty();
    }

    @Test
    void aPlantedReferenceIsFlaggedWithItsFileAndLine() {
        String text = String.join("\n",
                "# Notes",
                "Design: [the notes](" + BESIDE + "/" + NOTES + ")",
                "Progress follows " + NOTES + "'s table.",
                "Seeds from " + MACHINE + SEEDS + ".",
                "Decided in issue " + 7 + ", see also Issue #" + 12 + " and issues " + 4 + ".",
                "Nothing wrong here.");

        List<OutsideReferences.Finding> findings = OutsideReferences.scan("docs/planted.md", text);

        assertThat(findings).extracting(OutsideReferences.Finding::line).containsExactly(2, 2, 2, 3, 4, 4, 5);
        assertThat(findings.get(0).toString()).startsWith("docs/planted.md:2: ");
        assertThat(findings).extracting(OutsideReferences.Finding::rule).anyMatch(r -> r.contains("issue number"))
                .anyMatch(r -> r.contains("absolute path")).anyMatch(r -> r.contains("docs/design.md"));
    }

    @Test
    void whatOnlyLooksLikeAReferenceIsNotFlagged() {
        String text = String.join("\n",
                "See [the design](docs/design.md) and [ADR 0014](adr/0014-event-contracts-evolve.md).",
                "services/work-orders/src/main/java",
                "body { color: #1f2933; background: #333333; }",
                "problem.validation.detail={0,choice,1#1 value|1<{0} values}",
                "a key issued 2 days ago; the issuer 7 times",
                "https://example.org/work/1 and deploy/work/notes");

        assertThat(OutsideReferences.scan("x.md", text)).isEmpty();
    }

    @Test
    void aPlantedFileInTheTreeIsFoundAndBinaryFilesAreSkipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("mvnw"), "#!/bin/sh");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/notes.md"), "one\nsee " + NOTES + "\n");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/copy.md"), "see " + NOTES + "\n");
        Files.write(dir.resolve("docs/picture.png"), ("\0PNG " + NOTES).getBytes());

        Path root = OutsideReferences.repositoryRoot(dir.resolve("docs"));
        List<OutsideReferences.Finding> findings = OutsideReferences.scan(root);

        assertThat(findings).extracting(OutsideReferences.Finding::toString)
                .containsExactly("docs/notes.md:2: the original design notes (use docs/design.md): see " + NOTES);
    }
}

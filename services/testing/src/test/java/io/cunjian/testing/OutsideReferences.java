package io.cunjian.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds lines that send a reader out of the repository: to the notes kept beside it, to a path on
 * one machine, or to an issue tracker the repository does not carry. The repository must stand
 * alone — its design is {@code docs/design.md}, its decisions are {@code docs/adr/}.
 *
 * <p>The patterns are written so that this file does not match them itself (no exemption list:
 * an exempted file is where such a reference would hide).
 */
final class OutsideReferences {

    /** One offending line: where it is and which rule it breaks. */
    record Finding(String file, int line, String rule, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + rule + ": " + text.strip();
        }
    }

    private record Rule(String name, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("a path to the folder beside the repository", Pattern.compile("\\.\\./shared\\b")),
            new Rule("a path into the notes beside the repository", Pattern.compile("\\bshared/(?:DESIGN|seeds)\\b")),
            // Upper case only: the repository's own design is docs/design.md.
            new Rule("the original design notes (use docs/design.md)", Pattern.compile("\\bDESIGN\\.md\\b")),
            new Rule("an absolute path on one machine", Pattern.compile("(?<![\\w.~-])/wor[k]/")),
            new Rule("an issue number (say what the issue asked instead)",
                    Pattern.compile("(?i)\\bissues?\\s*#?\\s*[0-9]+\\b|\\b(?:PR|pull request)\\s*#\\s*[0-9]+\\b")));

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".state");

    private OutsideReferences() {
    }

    /** The repository root: the nearest folder upwards holding the root pom and the Maven wrapper. */
    static Path repositoryRoot(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("no folder with pom.xml and mvnw above " + from.toAbsolutePath());
    }

    /** Every finding in the repository's text files, in path order. */
    static List<Finding> scan(Path root) {
        List<Finding> findings = new ArrayList<>();
        for (String file : files(root)) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // tracked but deleted in the working tree
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (isBinary(bytes)) {
                continue;
            }
            findings.addAll(scan(file, new String(bytes, StandardCharsets.UTF_8)));
        }
        return findings;
    }

    /** The findings in one file's text; {@code file} only names them. */
    static List<Finding> scan(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(lines[i]).find()) {
                    findings.add(new Finding(file, i + 1, rule.name(), lines[i]));
                }
            }
        }
        return findings;
    }

    /**
     * What git tracks plus new files not ignored (so a file not yet added is checked too); without
     * git (a source archive), every file below the root but build output and local state.
     */
    static List<String> files(Path root) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                    .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = git.getInputStream()) {
                out = in.readAllBytes();
            }
            if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                return Stream.of(new String(out, StandardCharsets.UTF_8).split("\0"))
                        .filter(f -> !f.isEmpty()).distinct().sorted().toList();
            }
        } catch (IOException e) {
            // no git on this machine: walk the tree below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(p -> Stream.iterate(p, q -> q != null, Path::getParent)
                            .noneMatch(q -> q.getFileName() != null && SKIPPED_FOLDERS.contains(q.getFileName().toString())))
                    .map(p -> p.toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A NUL byte in the first 8 KiB: images, archives, spreadsheets — nothing a reader follows. */
    static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}

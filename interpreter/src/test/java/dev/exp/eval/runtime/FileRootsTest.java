package dev.exp.eval.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths are confined to the base directory and the named roots, through `..`, absolute paths and links. */
class FileRootsTest {
  @TempDir
  Path tmp;

  private FileRoots roots() throws IOException {
    Files.createDirectories(tmp.resolve("base/sub"));
    Files.createDirectories(tmp.resolve("data"));
    Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(tmp.resolve("outside/secret.txt"), "x");
    return new FileRoots(tmp.resolve("base"), List.of(tmp.resolve("data")));
  }

  @Test
  void relativePathsInsideTheBaseAreAllowed() throws IOException {
    FileRoots r = roots();
    assertEquals(tmp.resolve("base/out.csv").toAbsolutePath(), r.resolve("out.csv", "save", null));
    assertEquals(tmp.resolve("base/sub/a/b.csv").toAbsolutePath(), r.resolve("sub/x/../a/b.csv", "save", null));
    assertEquals(tmp.resolve("data/d.csv").toAbsolutePath(), r.resolve(tmp.resolve("data/d.csv").toString(), "read", null));
  }

  @Test
  void dotDotAndAbsolutePathsOutsideAreRefused() throws IOException {
    FileRoots r = roots();
    ExpError e = assertThrows(ExpError.class, () -> r.resolve("../outside/secret.txt", "read_text", null));
    assertTrue(e.getMessage().contains("read_text: \"../outside/secret.txt\" is outside the folders"), e.getMessage());
    assertThrows(ExpError.class, () -> r.resolve(tmp.resolve("outside/secret.txt").toString(), "read_text", null));
    assertThrows(ExpError.class, () -> r.resolve("/etc/passwd", "read_text", null));
    assertThrows(ExpError.class, () -> r.resolve("sub/../../outside/new.csv", "save", null));
  }

  @Test
  void linksThatPointOutAreRefused() throws IOException {
    FileRoots r = roots();
    Files.createSymbolicLink(tmp.resolve("base/escape"), tmp.resolve("outside"));
    Files.createSymbolicLink(tmp.resolve("base/secret-link.txt"), tmp.resolve("outside/secret.txt"));
    Files.createSymbolicLink(tmp.resolve("base/inside-link"), tmp.resolve("base/sub"));
    ExpError e = assertThrows(ExpError.class, () -> r.resolve("escape/secret.txt", "read_text", null));
    assertTrue(e.getMessage().contains("it leads to"), e.getMessage());
    assertThrows(ExpError.class, () -> r.resolve("secret-link.txt", "read_text", null));
    assertThrows(ExpError.class, () -> r.resolve("escape/new-file.csv", "save", null));
    assertEquals(tmp.resolve("base/inside-link/x.csv").toAbsolutePath(), r.resolve("inside-link/x.csv", "save", null));
  }
}

package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Granted file capabilities apply inside the base directory and the host's roots, nowhere else. */
class FileConfinementTest {
  @TempDir
  Path tmp;

  private Session session() throws IOException {
    Files.createDirectories(tmp.resolve("base"));
    Files.createDirectories(tmp.resolve("shared"));
    Files.writeString(tmp.resolve("secret.txt"), "top secret");
    Files.writeString(tmp.resolve("shared/data.txt"), "shared data");
    return Engine.builder().baseDir(tmp.resolve("base")).fileRoot(tmp.resolve("shared"))
        .grant(Capability.FILE_READ, Capability.FILE_WRITE).build().newSession();
  }

  @Test
  void readsAndWritesInsideTheRootsWork() throws IOException {
    try (Session s = session()) {
      s.eval("save(ones([2]), \"out.csv\")");
      assertTrue(Files.exists(tmp.resolve("base/out.csv")));
      assertEquals("shared data", s.eval("io.read_text(\"../shared/data.txt\")").asString());
    }
  }

  @Test
  void escapesAreRefusedWithAClearError() throws IOException {
    try (Session s = session()) {
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("io.read_text(\"../secret.txt\")"));
      assertTrue(e.getMessage().contains("is outside the folders this session may use"), e.getMessage());
      assertThrows(ExpRuntimeException.class, () -> s.eval("save(ones([2]), \"../x.csv\")"));
      assertTrue(!Files.exists(tmp.resolve("x.csv")));
      assertThrows(ExpRuntimeException.class,
          () -> s.eval("io.read_text(\"" + tmp.resolve("secret.txt").toString().replace("\\", "/") + "\")"));
      assertThrows(ExpRuntimeException.class, () -> s.eval("""
          experiment "e" (cache: "../runs") {
            sweep k in [1]
            report v = k
          }
          """));
      assertTrue(!Files.exists(tmp.resolve("runs")));
    }
  }

  @Test
  void linksOutOfTheRootsAreRefused() throws IOException {
    try (Session s = session()) {
      Files.createSymbolicLink(tmp.resolve("base/link.txt"), tmp.resolve("secret.txt"));
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("io.read_text(\"link.txt\")"));
      assertTrue(e.getMessage().contains("it leads to"), e.getMessage());
    }
  }
}

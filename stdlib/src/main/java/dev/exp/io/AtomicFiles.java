package dev.exp.io;

import dev.exp.kernel.KernelException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file writes: the content goes to a temporary file in the target's directory, is flushed
 * to disk ({@code fsync}), then moved over the target with {@code ATOMIC_MOVE}. Readers see the old
 * file or the new one, never a partial one; when writing fails, or the JVM exits during the write,
 * the target is untouched and the temporary file is removed. Missing parent directories are created.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Temporary files being written: a JVM that exits meanwhile (SIGTERM, a limit, Ctrl-C twice)
   * deletes them in a shutdown hook, so an interrupted save leaves the old target and no hidden
   * {@code .name.123.tmp} beside it.
   */
  private static final java.util.Set<Path> PENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : PENDING) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // best effort: the JVM is exiting
          }
        }
      }, "exp-temp-files"));
    } catch (IllegalStateException | SecurityException e) {
      // already shutting down, or hooks refused: temporary files are then only removed on failure
    }
  }

  /** Writes the body's output to {@code target}. */
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Writes {@code text} as UTF-8. */
  public static void writeText(Path target, String text) {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes whatever {@code body} produces to {@code target}, atomically. */
  public static void write(Path target, Body body) {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      PENDING.add(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream os = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        body.write(os);
        os.flush();
        ch.force(true);
      }
      setPermissions(tmp, abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      PENDING.remove(tmp);
      tmp = null;
    } catch (IOException e) {
      throw new KernelException("cannot write " + target + ": " + describe(e), e);
    } finally {
      if (tmp != null) {
        PENDING.remove(tmp);
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  /** Temporary files are created owner-only; give the result the target's or ordinary permissions. */
  private static void setPermissions(Path tmp, Path target) {
    try {
      if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        return;
      }
      java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
          ? Files.getPosixFilePermissions(target)
          : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, perms);
    } catch (IOException | UnsupportedOperationException e) {
      // keep the temporary file's permissions
    }
  }

  /** What went wrong with a file, in words (no Java class names). */
  public static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "a part of the path is not a folder";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "it is not UTF-8 text (re-save it as UTF-8, e.g. iconv -f latin1 -t utf-8)";
    }
    return m == null ? kind : m;
  }

  /** Reads a UTF-8 text file (without a leading byte-order mark) with a clear error when absent. */
  public static String readText(Path p) {
    try {
      String s = Files.readString(p, StandardCharsets.UTF_8);
      // a leading byte-order mark (Excel's UTF-8 CSV) is not text: it would end up in the first column's name
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (IOException e) {
      throw new KernelException("cannot read " + p + ": " + describe(e), e);
    }
  }
}

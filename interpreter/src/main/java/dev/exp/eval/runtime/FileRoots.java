package dev.exp.eval.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a session may read and write once the host has granted a file capability: the
 * session's base directory plus any roots the host names. A path is resolved against the base
 * directory, normalised, and then followed through every symbolic link that exists; it is allowed
 * only when the real result lies inside the real path of one of the roots. {@code ..} escapes,
 * absolute paths elsewhere and links that point out are refused with a clear message.
 */
public final class FileRoots {
  private final Path base;
  private final List<Path> roots;
  private final List<Path> realRoots;

  /** {@code base} is where relative paths start (and always a root); {@code extra} are more roots. */
  public FileRoots(Path base, List<Path> extra) {
    this.base = base.toAbsolutePath().normalize();
    List<Path> all = new ArrayList<>();
    all.add(this.base);
    for (Path p : extra) {
      Path a = p.toAbsolutePath().normalize();
      if (!all.contains(a)) {
        all.add(a);
      }
    }
    this.roots = List.copyOf(all);
    List<Path> real = new ArrayList<>();
    for (Path r : roots) {
      real.add(realPrefix(r));
    }
    this.realRoots = List.copyOf(real);
  }

  /** The base directory relative paths start from. */
  public Path base() {
    return base;
  }

  /** Every root, base first. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * The absolute path for {@code path} as a script wrote it, or an error naming the path, what
   * wanted it and the allowed folders.
   */
  public Path resolve(String path, String what, dev.exp.syntax.Loc loc) {
    Path p;
    try {
      p = base.resolve(path).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ExpError(what + ": \"" + path + "\" is not a valid path: " + e.getReason(), loc);
    }
    Path real = realPrefix(p);
    for (Path r : realRoots) {
      if (real.startsWith(r)) {
        return p;
      }
    }
    throw new ExpError(what + ": \"" + path + "\" is outside the folders this session may use ("
        + describeRoots() + ")" + (real.equals(p) ? "" : "; it leads to " + real), loc);
  }

  private String describeRoots() {
    StringBuilder sb = new StringBuilder();
    for (Path r : roots) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(r);
    }
    return sb.toString();
  }

  /**
   * The real path of the longest existing prefix of {@code p} (links followed), with the rest
   * appended: what the file system would reach, even for a file that does not exist yet.
   */
  static Path realPrefix(Path p) {
    Path existing = p;
    Path rest = null;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    Path real;
    try {
      real = existing.toRealPath();
    } catch (IOException e) {
      // a dangling link: refuse by pointing nowhere inside any root
      return Path.of("/").resolve("<unresolvable link " + existing + ">");
    }
    return rest == null ? real : real.resolve(rest).normalize();
  }
}

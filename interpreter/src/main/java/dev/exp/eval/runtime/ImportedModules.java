package dev.exp.eval.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The files a session has imported: each runs once, however many times and under whatever names it
 * is imported, and an import that would run a file while that file is still being imported (a cycle)
 * is an error naming the cycle instead of an endless recursion.
 */
public final class ImportedModules implements AutoCloseable {
  private final Map<Path, Map<String, Object>> done = new HashMap<>();
  /** The text of every file imported, by its name in locations (for the failing line of an error). */
  private final Map<String, dev.exp.syntax.SourceText> sources = new HashMap<>();
  /** The files being imported now, outermost first. */
  private final List<Path> loading = new ArrayList<>();

  /**
   * The top-level bindings of {@code file}, running it with {@code run} the first time; an
   * {@link ExpError} at {@code loc} when {@code file} is already being imported.
   */
  public synchronized Map<String, Object> load(Path file, Supplier<Map<String, Object>> run, dev.exp.syntax.Loc loc) {
    Map<String, Object> members = done.get(file);
    if (members != null) {
      return members;
    }
    int at = loading.indexOf(file);
    if (at >= 0) {
      StringBuilder chain = new StringBuilder();
      for (Path p : loading.subList(at, loading.size())) {
        chain.append(p.getFileName()).append(" -> ");
      }
      chain.append(file.getFileName());
      throw new ExpError("import cycle: " + chain + " (a file cannot import itself, directly or through others)", loc);
    }
    loading.add(file);
    try {
      members = run.get();
    } finally {
      loading.remove(loading.size() - 1);
    }
    done.put(file, members);
    return members;
  }

  /** Remembers the text of an imported file. */
  public synchronized void source(dev.exp.syntax.SourceText src) {
    sources.put(src.name(), src);
  }

  /** The text of the imported file named {@code name} in locations, or null. */
  public synchronized dev.exp.syntax.SourceText source(String name) {
    return sources.get(name);
  }

  @Override
  public void close() {
    // nothing to release: the bindings go with the session
  }
}

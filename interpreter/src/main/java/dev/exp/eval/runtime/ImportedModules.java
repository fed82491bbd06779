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
  /** The file that started the imports now loading (the main script), or null. */
  private Path root;

  /**
   * The top-level bindings of {@code file}, running it with {@code run} the first time; an
   * {@link ExpError} at {@code loc} when {@code file} is already being imported.
   */
  public synchronized Map<String, Object> load(Path file, Supplier<Map<String, Object>> run, dev.exp.syntax.Loc loc) {
    return load(file, null, run, loc);
  }

  /**
   * As {@link #load(Path, Supplier, dev.exp.syntax.Loc)}; {@code importer} is the file that imports
   * (null when unknown): for the first import, the main script, so that a module importing the main
   * script back is the cycle {@code a.exp -> b.exp -> a.exp}, not a second run of the main script.
   */
  public synchronized Map<String, Object> load(Path file, Path importer, Supplier<Map<String, Object>> run,
      dev.exp.syntax.Loc loc) {
    Map<String, Object> members = done.get(file);
    if (members != null) {
      return members;
    }
    List<Path> chainSoFar = new ArrayList<>();
    if (loading.isEmpty() && importer != null) {
      chainSoFar.add(importer);
    } else if (!loading.isEmpty() && root != null) {
      chainSoFar.add(root);
    }
    chainSoFar.addAll(loading);
    int at = chainSoFar.indexOf(file);
    if (at >= 0) {
      StringBuilder chain = new StringBuilder();
      for (Path p : chainSoFar.subList(at, chainSoFar.size())) {
        chain.append(p.getFileName()).append(" -> ");
      }
      chain.append(file.getFileName());
      throw new ExpError("import cycle: " + chain + " (a file cannot import itself, directly or through others)", loc);
    }
    if (loading.isEmpty()) {
      root = importer;
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

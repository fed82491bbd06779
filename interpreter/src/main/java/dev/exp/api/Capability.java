package dev.exp.api;

/**
 * What an embedded session may do beyond computing. None is granted unless the host grants it with
 * {@link Engine.Builder#grant} or {@link Session#grant}; a script using a function that needs a
 * capability it lacks stops with an error naming the capability. There is no capability to start
 * processes or to reach Java classes: scripts cannot do either.
 */
public enum Capability {
  /** Read files ({@code io.read_csv}, {@code import}). */
  FILE_READ("file.read", "read files"),
  /** Write files ({@code save}, {@code io.write_csv}, experiment caches). */
  FILE_WRITE("file.write", "write files"),
  /** Read environment variables ({@code env("HOME")}). */
  ENV("env", "read environment variables"),
  /** Evaluate JavaScript through {@code js(...)} (GraalJS, itself without any host access). */
  JAVASCRIPT("js", "evaluate JavaScript");

  private final String key;
  private final String action;

  Capability(String key, String action) {
    this.key = key;
    this.action = action;
  }

  /** The capability with the given {@link #key()}, or null. */
  public static Capability ofKey(String key) {
    for (Capability c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }

  /** What it allows, as words completing "this session may not ...". */
  public String action() {
    return action;
  }

  /** The name kernels declare in {@code @Kernel(needs = ...)}. */
  public String key() {
    return key;
  }
}

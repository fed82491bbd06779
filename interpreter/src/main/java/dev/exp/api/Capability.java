package dev.exp.api;

import dev.exp.kernel.Need;

/**
 * What an embedded session may do beyond computing. None is granted unless the host grants it with
 * {@link Engine.Builder#grant} or {@link Session#grant}; a script using a function that needs a
 * capability it lacks stops with an error naming the capability. There is no capability to start
 * processes or to reach Java classes: scripts cannot do either.
 */
public enum Capability {
  /** Read files ({@code io.read_csv}, {@code import}). */
  FILE_READ(Need.FILE_READ),
  /** Write files ({@code save}, {@code io.write_csv}, experiment caches). */
  FILE_WRITE(Need.FILE_WRITE),
  /** Read environment variables ({@code env("HOME")}). */
  ENV(Need.ENV),
  /** Evaluate JavaScript through {@code js(...)} (GraalJS, itself without any host access). */
  JAVASCRIPT(Need.JAVASCRIPT);

  private final Need need;

  Capability(Need need) {
    this.need = need;
  }

  /** The capability with the given {@link #key()}, or null. */
  public static Capability ofKey(String key) {
    for (Capability c : values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }

  /** What it allows, as words completing "this session may not ...". */
  public String action() {
    return need.action();
  }

  /** The name kernels declare in {@code @Kernel(needs = ...)}. */
  public String key() {
    return need.key();
  }
}

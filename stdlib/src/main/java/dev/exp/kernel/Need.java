package dev.exp.kernel;

/**
 * What a function may need from its host beyond computing, by the key a kernel declares in {@link
 * Kernel#needs()}. The embedding API grants these as its public {@code Capability} values (same
 * names, same keys); the interpreter checks them before each call that needs one.
 */
public enum Need {
  /** Read files ({@code io.read_csv}, {@code import}). */
  FILE_READ("file.read", "read files"),
  /** Write files ({@code save}, {@code io.write_csv}, experiment caches). */
  FILE_WRITE("file.write", "write files"),
  /** Read environment variables ({@code env("HOME")}). */
  ENV("env", "read environment variables"),
  /** Evaluate JavaScript through {@code js(...)}. */
  JAVASCRIPT("js", "evaluate JavaScript");

  private final String key;
  private final String action;

  Need(String key, String action) {
    this.key = key;
    this.action = action;
  }

  /** The need with the given {@link #key()}, or null. */
  public static Need ofKey(String key) {
    for (Need n : values()) {
      if (n.key.equals(key)) {
        return n;
      }
    }
    return null;
  }

  /** The key kernels declare in {@code @Kernel(needs = ...)}. */
  public String key() {
    return key;
  }

  /** What it allows, as words completing "this session may not ...". */
  public String action() {
    return action;
  }
}

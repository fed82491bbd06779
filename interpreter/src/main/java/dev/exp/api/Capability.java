package dev.exp.api;

/** What an embedded session may do beyond computing. None is granted unless the host grants it. */
public enum Capability {
  /** Read files ({@code io.read_csv}, {@code import}). */
  FILE_READ("file.read"),
  /** Write files ({@code save}). */
  FILE_WRITE("file.write"),
  /** Read environment variables. */
  ENV("env"),
  /** Evaluate JavaScript through {@code js(...)}. */
  JAVASCRIPT("js");

  private final String key;

  Capability(String key) {
    this.key = key;
  }

  /** The name kernels declare in {@code @Kernel(needs = ...)}. */
  public String key() {
    return key;
  }
}

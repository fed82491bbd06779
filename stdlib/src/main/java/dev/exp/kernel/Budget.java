package dev.exp.kernel;

import java.util.Locale;

/**
 * The memory budget of the running evaluation ({@link KernelContext#maxValueBytes()}): kernels that
 * allocate a size a script chose (a shape, a count) check it here first, so a request too large fails
 * with a message naming the size instead of exhausting the heap.
 */
public final class Budget {
  private Budget() {}

  /** Checks a new tensor of {@code elements} float64 values; {@code what} names it ("zeros([3, 4])"). */
  public static void doubles(long elements, String what) {
    bytes(elements < 0 || elements > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : elements * 8, what);
  }

  /** Checks a new value of {@code bytes} bytes. */
  public static void bytes(long bytes, String what) {
    long max = KernelContext.current().maxValueBytes();
    if (bytes > max) {
      throw new MemoryLimitException(what + " needs " + size(bytes) + ", over the memory limit of " + size(max)
          + " per value");
    }
  }

  /** "80 GB", "1.5 MB", "512 bytes" (powers of 1024, as the JVM's heap options). */
  public static String size(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "more than 8 EB";
    }
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.3g %s", v, units[u]);
  }
}

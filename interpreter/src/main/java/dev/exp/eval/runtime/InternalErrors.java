package dev.exp.eval.runtime;

/**
 * Words for failures that are bugs, not script errors: a one-line cause a user can report, without
 * Java class names or JVM messages (the Java exception stays attached as the cause for hosts and
 * {@code --debug}).
 */
public final class InternalErrors {
  private InternalErrors() {}

  /** The one-line cause of an internal error, with the request to report it. */
  public static String cause(Throwable t) {
    return kind(t) + " (this is a bug in Exp, please report it with the script)";
  }

  /** "a missing value reached code that needs one", "an index out of range", ... */
  public static String kind(Throwable t) {
    String what;
    if (t instanceof NullPointerException) {
      what = "a missing value reached code that needs one";
    } else if (t instanceof IndexOutOfBoundsException) {
      what = "an index out of range";
    } else if (t instanceof ClassCastException) {
      what = "a value of an unexpected kind";
    } else if (t instanceof ArithmeticException) {
      what = "an arithmetic overflow";
    } else if (t instanceof NegativeArraySizeException) {
      what = "a negative size";
    } else if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
      what = "an inconsistent argument";
    } else if (t instanceof StackOverflowError) {
      what = "the Java stack overflowed";
    } else {
      what = "an unexpected failure";
    }
    return what;
  }

  /** "heap limit 6 GB" for messages about running out of memory. */
  public static String heap() {
    return "heap limit " + dev.exp.kernel.Budget.size(Runtime.getRuntime().maxMemory());
  }
}

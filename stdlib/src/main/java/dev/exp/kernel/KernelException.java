package dev.exp.kernel;

/**
 * A kernel was given input it cannot work with (shape mismatch, NaN where forbidden, singular
 * matrix, non-convergence when that is an error). The message is shown to script users as is,
 * prefixed with the kernel's script name, so it should name the offending values and shapes.
 */
public class KernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KernelException(String message) {
    super(suggest(message));
  }

  public KernelException(String message, Throwable cause) {
    super(suggest(message), cause);
  }

  private static final java.util.regex.Pattern UNKNOWN = java.util.regex.Pattern.compile("unknown [a-z ]+ \"([^\"]+)\"");
  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[a-z][a-z0-9_+]*");
  private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]+)\"");

  /**
   * A message in the library's form for a bad choice, {@code unknown mask "casual"; expected "none",
   * "causal", ...}, gets the nearest listed choice at its end: {@code ; did you mean "causal"?} (the
   * quoted choices after the unknown value, else the words after it).
   */
  static String suggest(String message) {
    if (message == null || !message.contains("unknown ")) {
      return message;
    }
    java.util.regex.Matcher m = UNKNOWN.matcher(message);
    if (!m.find()) {
      return message;
    }
    java.util.List<String> choices = new java.util.ArrayList<>();
    java.util.regex.Matcher q = QUOTED.matcher(message);
    q.region(m.end(), message.length());
    while (q.find()) {
      choices.add(q.group(1));
    }
    if (choices.isEmpty()) {   // an unquoted list: (lbfgs, bfgs, ...) or "expected one of mean, std, ..."
      java.util.regex.Matcher w = WORD.matcher(message);
      w.region(m.end(), message.length());
      while (w.find()) {
        choices.add(w.group());
      }
    }
    String best = Suggest.closest(m.group(1), choices);
    return best == null ? message : message + "; did you mean \"" + best + "\"?";
  }

  /**
   * Builds an exception with a {@link String#format} message; numbers and tensors given to %s print
   * as the language prints them ({@link Numbers#message}: {@code -1}, {@code 1e-05}, not {@code -1.0},
   * {@code 1.0E-5}).
   */
  public static KernelException of(String format, Object... args) {
    return new KernelException(Numbers.message(format, args));
  }
}

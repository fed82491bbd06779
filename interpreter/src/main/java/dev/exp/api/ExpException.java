package dev.exp.api;

/** Base of every error Exp reports to a host. Its message is meant for users, as is. */
public abstract class ExpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message meant for users. */
  protected ExpException(String message) {
    super(message);
  }

  /** An error with a message meant for users and the Java exception behind it. */
  protected ExpException(String message, Throwable cause) {
    super(message, cause);
  }
}

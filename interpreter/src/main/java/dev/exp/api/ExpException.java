package dev.exp.api;

/** Base of every error Exp reports to a host. Its message is meant for users, as is. */
public abstract class ExpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ExpException(String message) {
    super(message);
  }

  protected ExpException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.exp.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A named piece of Exp source text: a file, a REPL input, a string given to {@code -e}. */
public final class Source {
  private final String name;
  private final String text;
  private String[] lines;

  public Source(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** A source read from a UTF-8 file, named by its path as given. */
  public static Source fromFile(Path path) throws IOException {
    return new Source(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
  }

  public static Source of(String text) {
    return new Source("<string>", text);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** The 1-based line {@code n} without its line terminator, or "" when out of range. */
  public String line(int n) {
    if (lines == null) {
      lines = text.split("\r?\n", -1);
    }
    return n >= 1 && n <= lines.length ? lines[n - 1] : "";
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.exp.api;

import dev.exp.syntax.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A named piece of Exp source text: a file, a REPL input, a string given to {@code -e}. */
public final class Source {
  private final SourceText body;

  public Source(String name, String text) {
    this.body = new SourceText(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
  }

  /**
   * A piece of a longer text that starts at line {@code firstLine} of it (standard input read
   * statement by statement, a cell of a notebook): errors give the longer text's line numbers.
   */
  public Source(String name, String text, int firstLine) {
    this.body = new SourceText(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"), firstLine);
  }

  private Source(SourceText body) {
    this.body = body;
  }

  /** The API view of the compiler's source text. */
  static Source wrap(SourceText body) {
    return new Source(body);
  }

  /** What the compiler reads. */
  SourceText body() {
    return body;
  }

  /**
   * Starts parsing this source on a background thread, so that the next {@link Session#eval} or
   * {@link Engine#compile} of it finds the syntax tree ready; a host that builds its engine meanwhile
   * (as the {@code exp} command does) saves the parse's cold start. Syntax errors are still reported
   * by that eval or compile. Returns this source.
   */
  public Source parseAhead() {
    dev.exp.syntax.Parsing.parseAhead(body);
    return this;
  }

  /**
   * A source read from a UTF-8 file (a leading byte-order mark is dropped), named by its path as
   * given. A file that is not UTF-8 is an {@code IOException} saying where: "not UTF-8 text: byte
   * 0xff at line 1, column 8".
   */
  public static Source fromFile(Path path) throws IOException {
    return new Source(path.toString(), dev.exp.syntax.SourceText.decodeUtf8(Files.readAllBytes(path)));
  }

  public static Source of(String text) {
    return new Source("<string>", text);
  }

  public String name() {
    return body.name();
  }

  public String text() {
    return body.text();
  }

  /** The 1-based line {@code n} without its line terminator, or "" when out of range. */
  public String line(int n) {
    return body.line(n);
  }

  @Override
  public String toString() {
    return body.name();
  }
}

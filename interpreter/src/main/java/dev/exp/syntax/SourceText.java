package dev.exp.syntax;

import java.util.Objects;

/**
 * A named piece of source text as the compiler sees it: a file, a REPL input, a string given to
 * {@code -e}. The embedding API's {@code SourceText} is turned into this at the boundary.
 */
public final class SourceText {
  private final String name;
  private final String text;
  private String[] lines;
  /** The parse started ahead by {@link Parsing#parseAhead}, taken by the first {@link Parsing#parse}. */
  private java.util.concurrent.FutureTask<Ast.Program> ahead;

  private final int firstLine;

  public SourceText(String name, String text) {
    this(name, text, 1);
  }

  /** A piece of a longer text whose first line is line {@code firstLine} of that text (positions count from there). */
  public SourceText(String name, String text, int firstLine) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    if (firstLine < 1) {
      throw new IllegalArgumentException("firstLine must be at least 1, got " + firstLine);
    }
    this.firstLine = firstLine;
  }

  /** The line number of the text's first line (1 unless it is a piece of a longer text). */
  public int firstLine() {
    return firstLine;
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** Line {@code n} (counted from {@link #firstLine()}) without its line terminator, or "" when out of range. */
  public String line(int n) {
    if (lines == null) {
      lines = text.split("\r?\n", -1);
    }
    int i = n - firstLine;
    return i >= 0 && i < lines.length ? lines[i] : "";
  }

  synchronized void ahead(java.util.concurrent.FutureTask<Ast.Program> task) {
    if (ahead == null) {
      ahead = task;
    }
  }

  /** The parse started ahead, once (later parses run afresh); null when none was started. */
  synchronized java.util.concurrent.FutureTask<Ast.Program> takeAhead() {
    java.util.concurrent.FutureTask<Ast.Program> t = ahead;
    ahead = null;
    return t;
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * The text of a UTF-8 file's bytes, without a leading byte-order mark; bytes that are not UTF-8 are
   * an {@code IOException} saying where: "not UTF-8 text: byte 0xff at line 1, column 8 (...)".
   */
  public static String decodeUtf8(byte[] bytes) throws java.io.IOException {
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult r = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new java.io.IOException(String.format(java.util.Locale.ROOT, "not UTF-8 text: byte 0x%02x at line %d, column %d "
          + "(re-save the file as UTF-8, e.g. iconv -f latin1 -t utf-8)", bytes[at] & 0xff, line, at - lineStart + 1));
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}

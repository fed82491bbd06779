package dev.exp.polyglot;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** An output stream that hands complete UTF-8 lines to the current consumer (JavaScript console output). */
final class LineOutput extends OutputStream {
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private volatile Consumer<String> target = s -> { };

  void target(Consumer<String> t) {
    this.target = t;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Emits a pending partial line. */
  @Override
  public synchronized void flush() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String s = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (s.endsWith("\r")) {
      s = s.substring(0, s.length() - 1);
    }
    target.accept(s);
  }
}

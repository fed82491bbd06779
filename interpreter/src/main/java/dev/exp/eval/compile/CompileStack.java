package dev.exp.eval.compile;

import dev.exp.syntax.CompileError;
import dev.exp.syntax.Problem;
import dev.exp.syntax.SourceText;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parsing and compiling recurse over the syntax tree, so their stack use grows with the program's
 * nesting. A host may call the engine on a thread with a small stack (256 KB is common for pools):
 * programs that are not small are therefore parsed and compiled on a thread of our own with a
 * {@link #STACK_BYTES} stack, and the host thread waits. Small programs (REPL lines, {@code -e}
 * snippets) stay on the caller's thread, which costs nothing. Together with the token-level nesting
 * limit this makes compilation independent of the host's stack size.
 */
public final class CompileStack {
  private CompileStack() {}

  /** Stack of the compiling thread. */
  static final long STACK_BYTES = 64L << 20;
  /** Sources up to this many characters compile on the caller's thread. */
  static final int INLINE_CHARS = 2000;

  public static <T> T run(SourceText source, Supplier<T> work) {
    if (shallow(source.text())) {
      try {
        return work.get();
      } catch (StackOverflowError e) {
        throw tooDeep(source);
      }
    }
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = work.get();
      } catch (StackOverflowError e) {
        failure[0] = tooDeep(source);
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "exp-compile", STACK_BYTES);
    t.setDaemon(true);
    t.start();
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;   // compilation is short and bounded: finish it, keep the flag for the run
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException r) {
      throw r;
    }
    if (failure[0] instanceof Error err) {
      throw err;
    }
    @SuppressWarnings("unchecked")
    T r = (T) result[0];
    return r;
  }

  /**
   * Whether a source surely compiles on any reasonable stack: short, few brackets deep and few
   * operators (each may nest: a long chain builds a deep parse tree). A rough count on the
   * characters is enough: a false "no" only costs a thread start.
   */
  static boolean shallow(String text) {
    if (text.length() > INLINE_CHARS) {
      return false;
    }
    int depth = 0;
    int maxDepth = 0;
    int nesting = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '(', '[', '{' -> maxDepth = Math.max(maxDepth, ++depth);
        case ')', ']', '}' -> depth--;
        case '^', '-', '+', '>', '<', '*', '/', '%', '@', '=', '|' -> nesting++;
        case 'n', 'a', 'o' -> nesting += text.startsWith("not", i) || text.startsWith("and", i) || text.startsWith("or", i)
            ? 1 : 0;
        default -> { }
      }
    }
    return maxDepth <= 12 && nesting <= 24;
  }

  private static CompileError tooDeep(SourceText source) {
    return new CompileError(List.of(new Problem(source.name(), 1, 1, 1,
        "the program is too long or nested too deeply to compile", source.line(1))), false);
  }
}

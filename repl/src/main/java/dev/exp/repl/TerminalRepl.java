package dev.exp.repl;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive REPL on a terminal (JLine): line editing, history kept in {@code ~/.exp_history},
 * tab completion, highlighting, continuation lines for unfinished input. Ctrl-C at the prompt
 * clears the line; during an evaluation it stops the evaluation and keeps the definitions. Ctrl-D
 * on an empty line (or {@code :quit}) leaves.
 */
public final class TerminalRepl {
  public static final String PROMPT = "exp> ";
  public static final String CONTINUATION = "...  ";

  private TerminalRepl() {}

  /** Default history file: $EXP_HISTORY, else ~/.exp_history. */
  public static Path defaultHistory() {
    String env = System.getenv("EXP_HISTORY");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".exp_history");
  }

  /** Runs until :quit or end of input; returns the exit status (always 0 for an interactive session). */
  public static int run(Terminal terminal, dev.exp.api.Session session, Path history, String banner) {
    return run(terminal, session, history, banner, e -> {});
  }

  /** As {@link #run(Terminal, dev.exp.api.Session, Path, String)}, with {@link Commands#beforeError}. */
  public static int run(Terminal terminal, dev.exp.api.Session session, Path history, String banner,
      java.util.function.Consumer<dev.exp.api.ExpRuntimeException> beforeError) {
    return run(terminal, session, history, banner, beforeError, () -> {});
  }

  /**
   * As {@link #run(Terminal, dev.exp.api.Session, Path, String, java.util.function.Consumer)};
   * {@code beforeOutput} runs before each line the program prints (the CLI clears an experiment's
   * live progress line there, so that the line printed does not start after it).
   */
  public static int run(Terminal terminal, dev.exp.api.Session session, Path history, String banner,
      java.util.function.Consumer<dev.exp.api.ExpRuntimeException> beforeError, Runnable beforeOutput) {
    PrintWriter out = terminal.writer();
    PrintWriter err = new ColouredErrors(terminal).writer();
    session.output(line -> {
      beforeOutput.run();
      out.println(line);
      out.flush();
    });
    session.warnings(text -> {
      beforeOutput.run();
      err.println(text);
      err.flush();
    });
    Commands commands = new Commands(session, out, err, () -> terminal.getWidth() > 0 ? terminal.getWidth() : 100)
        .beforeError(beforeError);
    Names names = new Names(session);
    LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("exp")
        .parser(new ExpLineParser())
        .completer(new ExpCompleter(names))
        .highlighter(new ExpHighlighter())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        // No LineReader.INDENTATION: with it, JLine's closing-bracket widget deletes up to that many
        // spaces before every ) ] } whose opener it finds, anywhere in the line, strings included
        // ("( a )" became "( a)"). The editor never changes what was typed or pasted.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.INSERT_BRACKET, false);
    if (history != null) {
      b.variable(LineReader.HISTORY_FILE, history);
    }
    LineReader reader = b.build();
    out.println(banner);
    out.flush();
    while (true) {
      String input;
      try {
        input = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      armInterrupt(terminal, commands);
      if (!commands.handle(input)) {
        break;
      }
    }
    try {
      reader.getHistory().save();
    } catch (java.io.IOException | RuntimeException e) {
      err.println("exp: could not save history: " + e.getMessage());
    }
    out.flush();
    return 0;
  }

  /**
   * Makes Ctrl-C stop the evaluation about to run: the terminal must turn ^C into a signal (the
   * line reader changes the mode and the handler while it reads), and the handler cancels.
   */
  private static void armInterrupt(Terminal terminal, Commands commands) {
    org.jline.terminal.Attributes attrs = terminal.getAttributes();
    attrs.setLocalFlag(org.jline.terminal.Attributes.LocalFlag.ISIG, true);
    attrs.setControlChar(org.jline.terminal.Attributes.ControlChar.VINTR, 3);
    terminal.setAttributes(attrs);
    terminal.handle(Terminal.Signal.INT, s -> commands.cancel());
  }

  /** Error text in red on the terminal. */
  private static final class ColouredErrors {
    private final Terminal terminal;

    ColouredErrors(Terminal terminal) {
      this.terminal = terminal;
    }

    PrintWriter writer() {
      return new PrintWriter(new java.io.Writer() {
        private final StringBuilder buf = new StringBuilder();

        @Override
        public void write(char[] c, int off, int len) {
          buf.append(c, off, len);
        }

        @Override
        public void flush() {
          if (buf.length() > 0) {
            terminal.writer().print(new AttributedStringBuilder()
                .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED), buf.toString())
                .toAnsi(terminal));
            buf.setLength(0);
          }
          terminal.writer().flush();
        }

        @Override
        public void close() {
          flush();
        }
      }, true);
    }
  }
}

package dev.exp.repl;

import dev.exp.api.Language;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Splits the line for completion and decides, from the Exp parser itself, whether an input is
 * finished: an input whose only syntax error is at its end (an open block, bracket or string)
 * continues on the next line.
 */
public final class ExpLineParser implements Parser {

  /** True when the parser reports the text as unfinished (error at end of input). */
  public static boolean incomplete(String text) {
    if (text.strip().startsWith(":")) {
      return false;
    }
    return Language.isIncomplete(text);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && incomplete(line)) {
      throw new EOFError(-1, cursor, "incomplete input");
    }
    return new Words(line, cursor);
  }

  static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':';
  }

  /** The line cut into words; the word under the cursor is an identifier path such as linalg.so. */
  static final class Words implements CompletingParsedLine {
    private final String line;
    private final int cursor;
    private final List<String> words = new ArrayList<>();
    private int wordIndex = -1;
    private int wordCursor;

    Words(String line, int cursor) {
      this.line = line;
      this.cursor = cursor;
      int i = 0;
      while (i <= line.length()) {
        int start = i;
        while (i < line.length() && wordChar(line.charAt(i))) {
          i++;
        }
        if (cursor >= start && cursor <= i && wordIndex < 0) {
          wordIndex = words.size();
          wordCursor = cursor - start;
          words.add(line.substring(start, i));
        } else if (i > start) {
          words.add(line.substring(start, i));
        }
        i++;
      }
      if (wordIndex < 0) {
        wordIndex = words.size();
        words.add("");
        wordCursor = 0;
      }
    }

    @Override
    public String word() {
      return words.get(wordIndex);
    }

    @Override
    public int wordCursor() {
      return wordCursor;
    }

    @Override
    public int wordIndex() {
      return wordIndex;
    }

    @Override
    public List<String> words() {
      return words;
    }

    @Override
    public String line() {
      return line;
    }

    @Override
    public int cursor() {
      return cursor;
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}

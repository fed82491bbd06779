package dev.exp.repl;

import dev.exp.api.Language;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours keywords, numbers, strings and comments as the user types. */
public final class ExpHighlighter implements Highlighter {
  private static final Pattern TOKEN = Pattern.compile(
      "(?<comment>#[^\\n]*)|(?<string>r\"[^\"]*\"?|\"(?:[^\"\\\\]|\\\\.)*\"?)"
          + "|(?<number>\\b\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?\\b)|(?<word>[A-Za-z_][A-Za-z0-9_]*)");
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.faint();
  private final Set<String> keywords = new HashSet<>(Language.keywords());

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  /** The styled text for a buffer. */
  public AttributedString highlight(String buffer) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    Matcher m = TOKEN.matcher(buffer);
    int last = 0;
    while (m.find()) {
      sb.append(buffer.substring(last, m.start()));
      AttributedStyle style = null;
      if (m.group("comment") != null) {
        style = COMMENT;
      } else if (m.group("string") != null) {
        style = STRING;
      } else if (m.group("number") != null) {
        style = NUMBER;
      } else if (keywords.contains(m.group("word"))) {
        style = KEYWORD;
      }
      if (style == null) {
        sb.append(m.group());
      } else {
        sb.styled(style, m.group());
      }
      last = m.end();
    }
    sb.append(buffer.substring(last));
    return sb.toAttributedString();
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}

package dev.exp.repl;

import dev.exp.api.Session;
import dev.exp.grammar.ExpLexer;
import dev.exp.kernel.Kernel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Words the REPL completes and highlights: keywords, builtin functions, namespaces, members, globals. */
public final class Names {
  private final List<String> keywords;
  private final TreeSet<String> builtins = new TreeSet<>();
  private final Session session;

  public Names(Session session) {
    this.session = session;
    this.keywords = keywords();
    builtins.addAll(session.engine().globalFunctionNames());
    for (Class<?> c : dev.exp.Stdlib.kernelClasses()) {
      for (Method m : c.getMethods()) {
        Kernel k = m.getAnnotation(Kernel.class);
        if (k != null) {
          builtins.add(k.name());
          int dot = k.name().indexOf('.');
          if (dot > 0) {
            builtins.add(k.name().substring(0, dot));
          }
        }
      }
    }
  }

  /** Alphabetic literal tokens of the grammar (let, fn, experiment, ...). */
  public static List<String> keywords() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= ExpLexer.VOCABULARY.getMaxTokenType(); i++) {
      String lit = ExpLexer.VOCABULARY.getLiteralName(i);
      if (lit != null && lit.length() > 2 && Character.isLetter(lit.charAt(1))) {
        out.add(lit.substring(1, lit.length() - 1));
      }
    }
    return out;
  }

  public List<String> keywordList() {
    return keywords;
  }

  /** Every completion candidate: keywords, builtins (plain and dotted), and the session's globals. */
  public TreeSet<String> all() {
    TreeSet<String> all = new TreeSet<>(builtins);
    all.addAll(keywords);
    all.addAll(session.globalNames());
    return all;
  }
}

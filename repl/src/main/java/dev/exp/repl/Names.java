package dev.exp.repl;

import dev.exp.api.Engine;
import dev.exp.api.Language;
import dev.exp.api.Session;
import java.util.List;
import java.util.TreeSet;

/** Words the REPL completes and highlights: keywords, builtin functions, namespaces, members, globals. */
public final class Names {
  private final List<String> keywords = Language.keywords();
  private final TreeSet<String> builtins = new TreeSet<>();
  private final Session session;

  public Names(Session session) {
    this.session = session;
    Engine engine = session.engine();
    builtins.addAll(engine.functionNames());
    builtins.addAll(engine.namespaces());
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

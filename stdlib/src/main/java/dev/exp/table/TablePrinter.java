package dev.exp.table;

import dev.exp.stats.Stats;
import dev.exp.table.Table.Column;
import dev.exp.table.Table.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The printed forms of a {@link Table}: aligned text ({@link #print}) and Markdown
 * ({@link #markdown}).
 *
 * <p>A table with a {@code SEED} column is an experiment result and prints as a summary: one row
 * per grid point (distinct values of the {@code PARAM} columns, in first-appearance order), each
 * numeric {@code METRIC} as {@code mean ± h} where h is the half-width of the 95% Student-t interval
 * over the point's successful trials (just the mean when there is one), then {@code n} (successful
 * trials; {@code runs} if a parameter is already called n) and, when some trial failed, a {@code
 * failed} column. A trial failed when its {@code status} column is present and not {@code "ok"};
 * its metrics are ignored. A header line gives the title, the number of trials and points; a
 * footer line {@code "3 of 40 trials failed: <first error message>"} summarises failures. Other
 * tables print as a plain table. Numbers use {@link Num#compact}, except parameters, which print every
 * digit (shortest round-trip form), and bools, which print true/false. At most {@value #MAX_ROWS} rows are
 * shown, then {@code "... N more rows"}.
 */
public final class TablePrinter {
  /** Rows shown before truncating. */
  public static final int MAX_ROWS = 40;

  private static final int MAX_CELL = 48;

  private TablePrinter() {}

  /** Text cells of one printed column; mean/half-width pairs when {@code hw != null}. */
  private static final class Col {
    final String head;
    final boolean right;
    final List<String> cells = new ArrayList<>();
    final List<String> hw; // null unless a mean ± ci column

    Col(String head, boolean right, boolean pair) {
      this.head = head;
      this.right = right;
      this.hw = pair ? new ArrayList<>() : null;
    }
  }

  private static final class Layout {
    final List<String> pre = new ArrayList<>();
    final List<Col> cols = new ArrayList<>();
    final List<String> post = new ArrayList<>();
    int nrows;
  }

  /** The aligned text form (what {@code print(table)} shows). */
  public static String print(Table t) {
    Layout l = layout(t, MAX_ROWS);
    StringBuilder sb = new StringBuilder();
    for (String p : l.pre) {
      sb.append(p).append('\n');
    }
    int nc = l.cols.size();
    String[] head = new String[nc];
    String[][] body = new String[l.nrows][nc];
    for (int c = 0; c < nc; c++) {
      Col col = l.cols.get(c);
      head[c] = col.head;
      if (col.hw != null) {
        int wm = 0;
        int wh = 0;
        for (int r = 0; r < l.nrows; r++) {
          wm = Math.max(wm, len(col.cells.get(r)));
          wh = Math.max(wh, len(col.hw.get(r)));
        }
        for (int r = 0; r < l.nrows; r++) {
          String m = col.cells.get(r);
          String h = col.hw.get(r);
          String s = pad(m, wm, true);
          if (wh > 0) {
            s += h.isEmpty() ? "   " + " ".repeat(wh) : " ± " + pad(h, wh, false);
          }
          body[r][c] = s;
        }
      } else {
        for (int r = 0; r < l.nrows; r++) {
          body[r][c] = col.cells.get(r);
        }
      }
    }
    int[] w = new int[nc];
    for (int c = 0; c < nc; c++) {
      w[c] = len(head[c]);
      for (int r = 0; r < l.nrows; r++) {
        w[c] = Math.max(w[c], len(body[r][c]));
      }
    }
    appendLine(sb, head, w, l.cols);
    String[] rule = new String[nc];
    for (int c = 0; c < nc; c++) {
      rule[c] = "-".repeat(w[c]);
    }
    appendLine(sb, rule, w, l.cols);
    for (int r = 0; r < l.nrows; r++) {
      appendLine(sb, body[r], w, l.cols);
    }
    for (String p : l.post) {
      sb.append(p).append('\n');
    }
    return sb.substring(0, sb.length() - 1);
  }

  /** GitHub-flavoured Markdown: the same content as {@link #print}, all rows. */
  public static String markdown(Table t) {
    Layout l = layout(t, Integer.MAX_VALUE);
    StringBuilder sb = new StringBuilder();
    for (String p : l.pre) {
      sb.append(escapeMd(p)).append("\n\n");
    }
    sb.append('|');
    for (Col c : l.cols) {
      sb.append(' ').append(escapeMd(c.head)).append(" |");
    }
    sb.append("\n|");
    for (Col c : l.cols) {
      sb.append(c.right ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (int r = 0; r < l.nrows; r++) {
      sb.append('|');
      for (Col c : l.cols) {
        String s = c.cells.get(r);
        if (c.hw != null && !c.hw.get(r).isEmpty()) {
          s += " ± " + c.hw.get(r);
        }
        sb.append(' ').append(escapeMd(s)).append(" |");
      }
      sb.append('\n');
    }
    for (String p : l.post) {
      sb.append('\n').append(escapeMd(p)).append('\n');
    }
    return sb.toString();
  }

  private static String escapeMd(String s) {
    return s.replace("|", "\\|");
  }

  private static void appendLine(StringBuilder sb, String[] cells, int[] w, List<Col> cols) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      line.append(pad(cells[c], w[c], cols.get(c).right));
    }
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    sb.append(line, 0, end).append('\n');
  }

  private static int len(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String pad(String s, int w, boolean right) {
    int n = w - len(s);
    if (n <= 0) {
      return s;
    }
    return right ? " ".repeat(n) + s : s + " ".repeat(n);
  }

  private static String cell(Column c, int i) {
    if (c.isBool() && !c.isMissing(i)) {
      return c.number(i) != 0 ? "true" : "false";
    }
    if (c.isNumeric()) {
      // a parameter identifies its grid point: every digit (0.1 and 0.10001 are two rows); metrics compact
      return c.role() == Role.PARAM ? dev.exp.kernel.Numbers.format(c.number(i)) : Num.compact(c.number(i));
    }
    String s = c.text(i);
    if (s == null) {
      return "";
    }
    s = s.replace('\n', ' ');
    return len(s) > MAX_CELL ? s.substring(0, s.offsetByCodePoints(0, MAX_CELL - 1)) + "…" : s;
  }

  private static Layout layout(Table t, int maxRows) {
    return t.namesWithRole(Role.SEED).isEmpty() ? plain(t, maxRows) : summary(t, maxRows);
  }

  private static Layout plain(Table t, int maxRows) {
    Layout l = new Layout();
    if (t.title() != null) {
      l.pre.add(t.title());
    }
    int shown = Math.min(t.nrows(), maxRows);
    for (Column c : t.columns()) {
      Col col = new Col(c.name(), c.isNumeric(), false);
      for (int i = 0; i < shown; i++) {
        col.cells.add(cell(c, i));
      }
      l.cols.add(col);
    }
    l.nrows = shown;
    if (t.nrows() == 0) {
      l.post.add("(no rows)");
    } else if (t.nrows() > shown) {
      l.post.add("... " + (t.nrows() - shown) + " more rows");
    }
    return l;
  }

  private static boolean failed(Column status, int i) {
    if (status == null || status.isNumeric()) {
      return false;
    }
    String s = status.text(i);
    return s != null && !s.equals("ok");
  }

  private static Layout summary(Table t, int maxRows) {
    List<String> params = t.namesWithRole(Role.PARAM);
    List<String> metrics = t.namesWithRole(Role.METRIC);
    Column status = t.has(Table.STATUS) ? t.column(Table.STATUS) : null;
    Column error = t.has(Table.ERROR) ? t.column(Table.ERROR) : null;
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    int nfailed = 0;
    int firstFailed = -1;
    for (int i = 0; i < t.nrows(); i++) {
      List<Object> key = new ArrayList<>();
      for (String p : params) {
        key.add(t.column(p).value(i));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      if (failed(status, i)) {
        nfailed++;
        if (firstFailed < 0) {
          firstFailed = i;
        }
      }
    }
    Layout l = new Layout();
    String head = t.nrows() + (t.nrows() == 1 ? " trial" : " trials");
    if (!params.isEmpty()) {
      head += ", " + groups.size() + (groups.size() == 1 ? " grid point" : " grid points");
    }
    head += "; mean ± 95% CI (Student t) over replicates";
    l.pre.add(t.title() != null ? t.title() + ": " + head : head);
    for (String p : params) {
      l.cols.add(new Col(p, t.column(p).isNumeric(), false));
    }
    for (String m : metrics) {
      l.cols.add(new Col(m, t.column(m).isNumeric(), t.column(m).isNumeric()));   // text metrics align left
    }
    String nName = params.contains("n") || metrics.contains("n") ? "count" : "n";
    Col ncol = new Col(nName, true, false);
    l.cols.add(ncol);
    Col fcol = nfailed > 0 ? new Col("failed", false, false) : null;
    if (fcol != null) {
      l.cols.add(fcol);
    }
    int shown = 0;
    for (Map.Entry<List<Object>, List<Integer>> g : groups.entrySet()) {
      if (shown == maxRows) {
        break;
      }
      shown++;
      List<Integer> ok = new ArrayList<>();
      int f = 0;
      for (int i : g.getValue()) {
        if (failed(status, i)) {
          f++;
        } else {
          ok.add(i);
        }
      }
      int c = 0;
      int first = g.getValue().get(0);
      for (String p : params) {
        l.cols.get(c++).cells.add(cell(t.column(p), first));
      }
      for (String m : metrics) {
        Col col = l.cols.get(c++);
        Column mc = t.column(m);
        if (mc.isNumeric()) {
          List<Double> vs = new ArrayList<>();
          for (int i : ok) {
            if (!mc.isMissing(i)) {
              vs.add(mc.number(i));
            }
          }
          double[] x = vs.stream().mapToDouble(Double::doubleValue).toArray();
          if (x.length == 0) {
            col.cells.add("-");
            col.hw.add("");
          } else {
            col.cells.add(Num.compact(Stats.mean(x)));
            col.hw.add(x.length >= 2 ? Num.compact(Stats.ci95HalfWidth(x)) : "");
          }
        } else {
          // text metric: the value when all trials agree, else the number of distinct values
          java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
          for (int i : ok) {
            distinct.add(cell(mc, i));
          }
          col.cells.add(distinct.size() == 1 ? distinct.iterator().next()
              : distinct.isEmpty() ? "-" : distinct.size() + " values");
        }
      }
      ncol.cells.add(Integer.toString(ok.size()));
      if (fcol != null) {
        fcol.cells.add(f == 0 ? "" : f + " failed");
      }
    }
    l.nrows = shown;
    if (t.nrows() == 0) {
      l.post.add("(no trials)");
    }
    if (groups.size() > shown) {
      l.post.add("... " + (groups.size() - shown) + " more grid points");
    }
    if (nfailed > 0) {
      String msg = error != null ? error.text(firstFailed) : null;
      if (msg == null || msg.isBlank()) {
        msg = "status " + status.text(firstFailed);
      }
      msg = msg.strip();
      int nl = msg.indexOf('\n');
      if (nl >= 0) {
        msg = msg.substring(0, nl);
      }
      if (len(msg) > 120) {
        msg = msg.substring(0, msg.offsetByCodePoints(0, 119)) + "…";
      }
      l.post.add(nfailed + " of " + t.nrows() + " trials failed: " + msg);
    }
    return l;
  }
}

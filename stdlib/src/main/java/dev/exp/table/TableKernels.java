package dev.exp.table;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Values;
import dev.exp.stats.Stats;
import dev.exp.table.Table.Column;
import dev.exp.table.Table.Role;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table functions (globals). Each takes the table first, so that pipelines read naturally:
 * {@code res |> where(r => r.m > 16) |> agg(by: "m") |> sort("err_mean")}.
 */
public final class TableKernels {
  private TableKernels() {}

  // ------------------------------------------------------------------ helpers

  /** A column name or a list of names (null → empty list). */
  static List<String> names(String what, Object v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof String s) {
      out.add(s);
      return out;
    }
    if (v instanceof List<?> l) {
      for (Object o : l) {
        if (!(o instanceof String s)) {
          throw new KernelException(what + ": expected column names (strings), got " + Values.describe(o));
        }
        out.add(s);
      }
      return out;
    }
    throw new KernelException(what + ": expected a column name or a list of names, got " + Values.describe(v));
  }

  private static boolean truthy(Object r) {
    if (r instanceof Boolean b) {
      return b;
    }
    if (r instanceof Tensor t && t.size() == 1) {   // as a condition of if: a one-element tensor counts
      return t.at(0) != 0;
    }
    if (r instanceof Number n) {
      throw new KernelException("where: the predicate must return a bool, got the number "
          + dev.exp.kernel.Numbers.format(n.doubleValue()) + " (numbers are not truthy: compare, e.g. r => r.x != 0)");
    }
    throw new KernelException("where: the predicate must return a bool, got " + Values.describe(r));
  }

  // ------------------------------------------------------------------ kernels

  @Kernel(
      name = "table",
      doc = "Makes a table from a list of records (one row each; columns in first-appearance order of "
          + "the fields, missing fields are missing values) or from a record of columns (each a "
          + "tensor or a list of equal length). Numbers and bools (as 1/0) make numeric columns; "
          + "strings make text columns; none is a missing value; any other cell (a tensor, list or record) is an error "
          + "naming its column and row. Example: table([{m: 16, err: 0.1}, {m: 32, err: 0.05}]).")
  public static Table table(@Arg("data") Object data) {
    if (data instanceof Table t) {
      return t;
    }
    if (data instanceof List<?> l) {
      Table.Builder b = Table.builder();
      for (int i = 0; i < l.size(); i++) {
        if (!(l.get(i) instanceof Map<?, ?> m)) {
          throw new KernelException("table: element " + i + " is " + Values.describe(l.get(i)) + ", expected a record");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> r = (Map<String, ?>) m;
        b.addRow(r);
      }
      return b.build();
    }
    if (data instanceof Tensor t && t.size() == 0) {
      return new Table(null, List.of());
    }
    if (data instanceof Map<?, ?> m) {
      List<Column> cols = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String name = String.valueOf(e.getKey());
        Object v = e.getValue();
        if (v instanceof Tensor t) {
          if (t.rank() > 1) {
            throw new KernelException("table: column " + name + " has shape " + Tensor.shapeString(t.shape()) + ", expected a vector");
          }
          cols.add(Column.numeric(name, Role.NONE, t.toArray()));
        } else if (v instanceof List<?> l) {
          Table.Builder b = Table.builder();
          for (Object o : l) {
            b.addRow(java.util.Collections.singletonMap(name, o));
          }
          if (l.isEmpty()) {
            b.column(name, Role.NONE);
          }
          cols.add(b.build().column(name));
        } else {
          throw new KernelException("table: column " + name + " is " + Values.describe(v) + ", expected a tensor or a list");
        }
      }
      return new Table(null, cols);
    }
    throw new KernelException("table: expected a list of records or a record of columns, got " + Values.describe(data));
  }

  @Kernel(
      name = "where",
      doc = "Keeps the rows for which pred(row) is true; pred gets each row as a record. Example: "
          + "res |> where(r => r.m >= 64 and r.status == \"ok\").")
  public static Table where(@Arg("t") Table t, @Arg("pred") Fn pred) {
    int[] keep = new int[t.nrows()];
    int k = 0;
    for (int i = 0; i < t.nrows(); i++) {
      if (truthy(pred.call(t.row(i)))) {
        keep[k++] = i;
      }
    }
    return t.take(Arrays.copyOf(keep, k));
  }

  @Kernel(
      name = "select",
      doc = "Keeps the named columns, in the given order (roles kept). Example: res |> select([\"m\", \"err\"]).")
  public static Table select(@Arg("t") Table t, @Arg("columns") Object columns) {
    List<String> names = names("select: columns", columns);
    if (names.isEmpty()) {
      throw new KernelException("select: columns is empty; a table keeps at least one column");
    }
    return t.select(names);
  }

  @Kernel(
      name = "group",
      doc = "Splits a table by the distinct values of the by column(s), in first-appearance order. "
          + "Returns a list of records {key, table}: key is a record of the by values, table the "
          + "rows with those values. Example: for g in group(res, \"m\") { print(g.key.m, nrows(g.table)) }.")
  public static List<Object> group(@Arg("t") Table t, @Arg("by") Object by) {
    List<String> keys = names("group: by", by);
    for (String k : keys) {
      t.column(k);
    }
    Map<List<Object>, List<Integer>> groups = groups(t, keys);
    List<Object> out = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Integer>> g : groups.entrySet()) {
      Map<String, Object> key = new LinkedHashMap<>();
      for (int j = 0; j < keys.size(); j++) {
        key.put(keys.get(j), g.getKey().get(j));
      }
      Map<String, Object> rec = new LinkedHashMap<>();
      rec.put("key", key);
      rec.put("table", t.take(g.getValue().stream().mapToInt(Integer::intValue).toArray()));
      out.add(rec);
    }
    return out;
  }

  static Map<List<Object>, List<Integer>> groups(Table t, List<String> keys) {
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < t.nrows(); i++) {
      List<Object> key = new ArrayList<>(keys.size());
      for (String k : keys) {
        key.add(t.column(k).value(i));
      }
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
    }
    return groups;
  }

  @Kernel(
      name = "agg",
      doc = "Aggregates a table per group of the by column(s) (first-appearance order). For each "
          + "aggregated column c and statistic s, the result has a column c_s; then n, the number of "
          + "rows in the group (named count if a by column is called n). stats are any of mean, std, "
          + "sem, ci95 (half-width of the 95% Student-t interval), median, min, max, count (non-missing "
          + "values), var, sum; std, var and sem are the sample statistics over the group's replicates "
          + "(divisor n − 1, as pandas; the global std and var default to NumPy's ddof 0). columns defaults to the metric columns of an experiment table, else to "
          + "every numeric column that is neither in by nor a seed. Missing values (nan) and failed "
          + "trials (a status column not \"ok\") are left out of the statistics; n counts all rows. "
          + "by: none aggregates the whole table into one row. "
          + "Example: res |> agg(by: \"m\", stats: [\"mean\", \"ci95\"]) gives columns m, err_mean, err_ci95, n.")
  public static Table agg(
      @Arg("t") Table t,
      @Arg(value = "by", dflt = "none") Object by,
      @Arg(value = "stats", dflt = "[\"mean\", \"ci95\"]") Object stats,
      @Arg(value = "columns", dflt = "none") Object columns) {
    List<String> keys = names("agg: by", by);
    List<String> st = names("agg: stats", stats);
    if (st.isEmpty()) {
      throw new KernelException("agg: stats must name at least one statistic, e.g. [\"mean\", \"ci95\"]");
    }
    for (String s : st) {
      if (!Stats.STATISTICS.contains(s)) {
        throw new KernelException("agg: unknown statistic \"" + s + "\"; expected one of " + String.join(", ", Stats.STATISTICS));
      }
    }
    for (String k : keys) {
      t.column(k);
    }
    List<String> cols = names("agg: columns", columns);
    if (columns == null) {
      cols = new ArrayList<>(t.namesWithRole(Role.METRIC));
      cols.removeIf(c -> !t.column(c).isNumeric() || keys.contains(c));   // text metrics (labels) are not aggregated
      if (cols.isEmpty()) {
        for (Column c : t.columns()) {
          if (c.isNumeric() && !keys.contains(c.name()) && c.role() != Role.SEED) {
            cols.add(c.name());
          }
        }
      }
    }
    for (String c : cols) {
      if (!t.column(c).isNumeric()) {
        throw new KernelException("agg: column \"" + c + "\" holds text; only numeric columns can be aggregated");
      }
    }
    Column status = t.has(Table.STATUS) && !t.column(Table.STATUS).isNumeric() ? t.column(Table.STATUS) : null;
    Map<List<Object>, List<Integer>> groups = groups(t, keys);
    Table.Builder b = Table.builder();
    for (String k : keys) {
      b.column(k, Role.PARAM);
    }
    for (String c : cols) {
      for (String s : st) {
        b.column(c + "_" + s, Role.NONE);
      }
    }
    String nName = keys.contains("n") ? "count" : "n";
    b.column(nName, Role.NONE);
    for (Map.Entry<List<Object>, List<Integer>> g : groups.entrySet()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int j = 0; j < keys.size(); j++) {
        row.put(keys.get(j), g.getKey().get(j));
      }
      for (String c : cols) {
        Column col = t.column(c);
        List<Double> vs = new ArrayList<>();
        for (int i : g.getValue()) {
          String s = status == null ? null : status.text(i);
          if (s == null || s.equals("ok")) {
            vs.add(col.number(i));
          }
        }
        double[] x = vs.stream().mapToDouble(Double::doubleValue).toArray();
        for (String s : st) {
          row.put(c + "_" + s, Stats.statistic(s, x));
        }
      }
      row.put(nName, (double) g.getValue().size());
      b.addRow(row);
    }
    return b.build();
  }

  @Kernel(
      name = "sort",
      doc = "Sorts rows by the given column(s) (stable; numbers numerically, text lexicographically; "
          + "missing values last). descending: true reverses the order of present values. Example: "
          + "res |> agg(by: \"omega\") |> sort(\"iters_mean\").")
  public static Table sort(
      @Arg("t") Table t, @Arg("by") Object by, @Arg(value = "descending", dflt = "false") boolean descending) {
    List<String> keys = names("sort: by", by);
    if (keys.isEmpty()) {
      throw new KernelException("sort: by must name at least one column");
    }
    Comparator<Integer> cmp = null;
    for (String k : keys) {
      Column c = t.column(k);
      Comparator<Integer> ck = (i, j) -> {
        boolean mi = c.isMissing(i);
        boolean mj = c.isMissing(j);
        if (mi || mj) {
          return Boolean.compare(mi, mj);
        }
        int r = c.isNumeric() ? Double.compare(c.number(i), c.number(j)) : dev.exp.kernel.TextOrder.compare(c.text(i), c.text(j));
        return descending ? -r : r;
      };
      cmp = cmp == null ? ck : cmp.thenComparing(ck);
    }
    Integer[] idx = new Integer[t.nrows()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, cmp);
    return t.take(Arrays.stream(idx).mapToInt(Integer::intValue).toArray());
  }

  @Kernel(
      name = "column",
      doc = "One column: a tensor for a numeric column (missing values are nan), a list of strings "
          + "(none when missing) for a text column. Example: res |> column(\"err\") |> mean.")
  public static Object column(@Arg("t") Table t, @Arg("name") String name) {
    Column c = t.column(name);
    if (c.isNumeric()) {
      return Tensor.vector(c.numbers());
    }
    return new ArrayList<Object>(Arrays.asList((Object[]) c.texts()));
  }

  @Kernel(name = "rows", doc = "The rows as a list of records (numbers, strings, none for missing text).")
  public static List<Object> rows(@Arg("t") Table t) {
    return new ArrayList<Object>(t.rows());
  }

  @Kernel(name = "nrows", doc = "The number of rows of a table.")
  public static int nrows(@Arg("t") Table t) {
    return t.nrows();
  }

  @Kernel(name = "columns", doc = "The column names of a table, in order.")
  public static List<Object> columns(@Arg("t") Table t) {
    return new ArrayList<Object>(t.columnNames());
  }

  @Kernel(
      name = "join",
      doc = "Inner join: one row for each pair of rows of a and b with equal values in the on "
          + "column(s) (numbers compare as numbers: 16 matches 16.0; missing values never match). "
          + "Columns: a's columns, then b's other columns; a name that b shares with a (outside on) "
          + "gets the suffix _2. Rows follow a's order, then b's. Example: join(runs, baselines, \"task\").")
  public static Table join(@Arg("a") Table a, @Arg("b") Table b, @Arg("on") Object on) {
    List<String> keys = names("join: on", on);
    if (keys.isEmpty()) {
      throw new KernelException("join: on must name at least one column");
    }
    for (String k : keys) {
      Column ca = a.column(k);
      Column cb = b.column(k);
      if (ca.isNumeric() != cb.isNumeric()) {
        throw new KernelException("join: column \"" + k + "\" is " + (ca.isNumeric() ? "numeric" : "text")
            + " in a but " + (cb.isNumeric() ? "numeric" : "text") + " in b");
      }
    }
    Map<List<Object>, List<Integer>> index = new HashMap<>();
    for (int j = 0; j < b.nrows(); j++) {
      List<Object> key = joinKey(b, keys, j);
      if (key != null) {
        index.computeIfAbsent(key, x -> new ArrayList<>()).add(j);
      }
    }
    List<Integer> ia = new ArrayList<>();
    List<Integer> ib = new ArrayList<>();
    for (int i = 0; i < a.nrows(); i++) {
      List<Object> key = joinKey(a, keys, i);
      List<Integer> m = key == null ? null : index.get(key);
      if (m != null) {
        for (int j : m) {
          ia.add(i);
          ib.add(j);
        }
      }
    }
    int[] ra = ia.stream().mapToInt(Integer::intValue).toArray();
    int[] rb = ib.stream().mapToInt(Integer::intValue).toArray();
    List<Column> cols = new ArrayList<>(a.take(ra).columns());
    java.util.Set<String> used = new java.util.HashSet<>(a.columnNames());
    for (Column c : b.take(rb).columns()) {
      if (keys.contains(c.name())) {
        continue;
      }
      String name = c.name();
      while (used.contains(name)) {
        name = name + "_2";
      }
      used.add(name);
      cols.add(c.renamed(name, c.role()));
    }
    return new Table(null, cols);
  }

  private static List<Object> joinKey(Table t, List<String> keys, int i) {
    List<Object> key = new ArrayList<>();
    for (String k : keys) {
      Column c = t.column(k);
      if (c.isMissing(i)) {
        return null;
      }
      double v = c.isNumeric() ? c.number(i) : Double.NaN;
      key.add(c.isNumeric() ? (Object) (v == 0 ? 0.0 : v) : c.text(i));
    }
    return key;
  }
}

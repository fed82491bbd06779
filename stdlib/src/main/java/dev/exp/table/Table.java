package dev.exp.table;

import dev.exp.kernel.KernelException;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable table of results: ordered, named columns of equal length, each either numeric
 * ({@code double[]}, missing = NaN) or text ({@code String[]}, missing = null).
 *
 * <p>Every column has a {@link Role}. An experiment's result table has one row per trial with
 * {@code PARAM} columns (the grid coordinates), one {@code SEED} column (the replicate), {@code
 * METRIC} columns (what the body reported) and {@code INFO} columns (by convention {@code
 * seconds}, {@code status} = {@code "ok"} or {@code "failed"}, and {@code error} = the failure
 * message). Such a table prints one row per grid point with {@code mean ± 95% CI} of each metric
 * (Student t over the replicates), {@code n}, and the failures (see {@link TablePrinter}). Tables
 * without a seed column (read from a file, built by {@code table(records)}, aggregates) print as
 * a plain aligned table.
 *
 * <h2>Building</h2>
 *
 * <pre>{@code
 * Table t = Table.builder()
 *     .title("sor omega")                        // optional, shown when printed
 *     .param("n").param("omega")                 // declares columns and their order
 *     .seed("seed")
 *     .metric("iters").metric("converged")
 *     .info("seconds").info("status").info("error")
 *     .addRow(Map.of("n", 16, "omega", 1.5, "seed", 1, "iters", 42, "converged", true,
 *                    "seconds", 0.01, "status", "ok"))
 *     .build();
 * }</pre>
 *
 * Row values may be numbers, booleans (stored as 1/0), strings, null (missing), one-element tensors
 * (stored as numbers); anything else (a longer tensor, a list, a record, a function) is an error naming
 * the column and row. Keys not declared beforehand become new
 * columns (role {@code NONE}, in first-appearance order); declared keys missing from a row are
 * missing values. At {@link Builder#build()} a column is numeric when all its present values are
 * numbers (or when it has no present value), otherwise text (numbers then print as text).
 */
public final class Table {

  /** What a column means in an experiment. */
  public enum Role {
    /** A grid coordinate (sweep axis). */
    PARAM,
    /** The replicate's seed. */
    SEED,
    /** A reported metric. */
    METRIC,
    /** Bookkeeping: seconds, status, error. */
    INFO,
    /** No role (tables read from files, built from records, aggregates). */
    NONE
  }

  /** Name of the status column ({@code "ok"} for a successful trial). */
  public static final String STATUS = "status";
  /** Name of the error-message column. */
  public static final String ERROR = "error";

  /** One column. Arrays are never handed out; use the accessors. */
  public static final class Column {
    private final String name;
    private final Role role;
    private final double[] num;
    private final String[] text;
    /** A numeric column of bools: 1 for true, 0 for false (NaN when missing); rows give them back as bools. */
    private final boolean bools;

    private Column(String name, Role role, double[] num, String[] text) {
      this(name, role, num, text, false);
    }

    private Column(String name, Role role, double[] num, String[] text, boolean bools) {
      this.name = name;
      this.role = role;
      this.num = num;
      this.text = text;
      this.bools = bools;
    }

    /** Whether the column holds bools (stored as 1 and 0: statistics of it are proportions). */
    public boolean isBool() {
      return bools;
    }

    /** A numeric column (the array is copied). */
    public static Column numeric(String name, Role role, double[] values) {
      return new Column(name, role, values.clone(), null);
    }

    /** A bool column from 1 (true), 0 (false) and NaN (missing); the array is copied. */
    public static Column bools(String name, Role role, double[] values) {
      return new Column(name, role, values.clone(), null, true);
    }

    /** A text column (the array is copied). */
    public static Column text(String name, Role role, String[] values) {
      return new Column(name, role, null, values.clone());
    }

    public String name() {
      return name;
    }

    public Role role() {
      return role;
    }

    public boolean isNumeric() {
      return num != null;
    }

    public int size() {
      return num != null ? num.length : text.length;
    }

    /** The numeric value at row i (NaN when missing); for text columns, the parsed text or NaN. */
    public double number(int i) {
      if (num != null) {
        return num[i];
      }
      Double d = text[i] == null ? null : Num.parse(text[i]);
      return d == null ? Double.NaN : d;
    }

    /** The text at row i (numbers in display-exact form; null when missing). */
    public String text(int i) {
      if (text != null) {
        return text[i];
      }
      if (Double.isNaN(num[i])) {
        return null;
      }
      return bools ? String.valueOf(num[i] != 0) : Num.exact(num[i]);
    }

    /** The value at row i as a script value: Double (NaN when missing), Boolean (null when missing) or String / null. */
    public Object value(int i) {
      if (bools) {
        return Double.isNaN(num[i]) ? null : (Object) (num[i] != 0);
      }
      return num != null ? (Object) num[i] : text[i];
    }

    /** Whether the value at row i is missing. */
    public boolean isMissing(int i) {
      return num != null ? Double.isNaN(num[i]) : text[i] == null;
    }

    /** A copy of the numeric values. */
    public double[] numbers() {
      if (num != null) {
        return num.clone();
      }
      double[] d = new double[text.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = number(i);
      }
      return d;
    }

    /** A copy of the text values. */
    public String[] texts() {
      if (text != null) {
        return text.clone();
      }
      String[] s = new String[num.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = text(i);
      }
      return s;
    }

    Column take(int[] rows) {
      if (num != null) {
        double[] d = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          d[i] = num[rows[i]];
        }
        return new Column(name, role, d, null, bools);
      }
      String[] s = new String[rows.length];
      for (int i = 0; i < rows.length; i++) {
        s[i] = text[rows[i]];
      }
      return new Column(name, role, null, s);
    }

    /** This column under another name and role. */
    public Column renamed(String newName, Role newRole) {
      return new Column(newName, newRole, num, text, bools);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Column c
          && name.equals(c.name)
          && role == c.role
          && Arrays.equals(num, c.num)
          && Arrays.equals(text, c.text);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, role, Arrays.hashCode(num), Arrays.hashCode(text));
    }
  }

  private final String title;
  private final List<Column> columns;
  private final Map<String, Integer> index;
  private final int nrows;

  /**
   * A table from columns of equal length (names must be distinct).
   *
   * @param title shown when printed; may be null
   */
  public Table(String title, List<Column> columns) {
    this.title = title;
    this.columns = List.copyOf(columns);
    this.index = new LinkedHashMap<>();
    int n = -1;
    for (int i = 0; i < this.columns.size(); i++) {
      Column c = this.columns.get(i);
      if (index.put(c.name, i) != null) {
        throw new KernelException("duplicate column name \"" + c.name + "\"");
      }
      if (n >= 0 && c.size() != n) {
        throw KernelException.of(
            "column \"%s\" has %d rows but column \"%s\" has %d", c.name, c.size(), this.columns.get(0).name, n);
      }
      n = c.size();
    }
    this.nrows = Math.max(n, 0);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A table from records (role NONE), columns in first-appearance order of the keys. */
  public static Table fromRecords(List<? extends Map<String, ?>> records) {
    Builder b = builder();
    for (Map<String, ?> r : records) {
      b.addRow(r);
    }
    return b.build();
  }

  // ------------------------------------------------------------------ access

  public String title() {
    return title;
  }

  /** The same table with another title (null for none). */
  public Table withTitle(String newTitle) {
    return new Table(newTitle, columns);
  }

  public int nrows() {
    return nrows;
  }

  public int ncols() {
    return columns.size();
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      names.add(c.name);
    }
    return names;
  }

  public boolean has(String name) {
    return index.containsKey(name);
  }

  /** The named column; a clear error listing the columns when absent. */
  public Column column(String name) {
    Integer i = index.get(name);
    if (i == null) {
      throw new KernelException("no column \"" + name + "\"; the table has columns " + columnNames());
    }
    return columns.get(i);
  }

  /** Names of the columns with the given role, in order. */
  public List<String> namesWithRole(Role role) {
    List<String> names = new ArrayList<>();
    for (Column c : columns) {
      if (c.role == role) {
        names.add(c.name);
      }
    }
    return names;
  }

  /** Whether any column has a role other than NONE. */
  public boolean hasRoles() {
    for (Column c : columns) {
      if (c.role != Role.NONE) {
        return true;
      }
    }
    return false;
  }

  /** Row i as a record: numbers as Double (NaN when missing), text as String (null when missing). */
  public Map<String, Object> row(int i) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Column c : columns) {
      m.put(c.name, c.value(i));
    }
    return m;
  }

  /** All rows as records. */
  public List<Map<String, Object>> rows() {
    List<Map<String, Object>> out = new ArrayList<>(nrows);
    for (int i = 0; i < nrows; i++) {
      out.add(row(i));
    }
    return out;
  }

  /** The rows at the given indices, in that order (same columns, roles and title). */
  public Table take(int[] rowIdx) {
    List<Column> cs = new ArrayList<>();
    for (Column c : columns) {
      cs.add(c.take(rowIdx));
    }
    return new Table(title, cs);
  }

  /** The named columns, in the given order. */
  public Table select(List<String> names) {
    List<Column> cs = new ArrayList<>();
    for (String n : names) {
      cs.add(column(n));
    }
    return new Table(title, cs);
  }

  /** The named column as a tensor (numeric columns; text columns are an error). */
  public Tensor tensor(String name) {
    Column c = column(name);
    if (!c.isNumeric()) {
      throw new KernelException("column \"" + name + "\" holds text, not numbers");
    }
    return Tensor.vector(c.num);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table t && Objects.equals(title, t.title) && columns.equals(t.columns);
  }

  /** Equal names, kinds and values (ignores title and roles). */
  public boolean sameData(Table t) {
    if (t.ncols() != ncols() || t.nrows != nrows) {
      return false;
    }
    for (int i = 0; i < columns.size(); i++) {
      Column a = columns.get(i);
      Column b = t.columns.get(i);
      if (!a.name.equals(b.name) || !Arrays.equals(a.num, b.num) || !Arrays.equals(a.text, b.text)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, columns);
  }

  /** The printed form (see {@link TablePrinter}). */
  @Override
  public String toString() {
    return TablePrinter.print(this);
  }

  // ------------------------------------------------------------------ builder

  /** Builds a table row by row; see the class documentation. Not thread-safe. */
  public static final class Builder {
    private String title;
    private final LinkedHashMap<String, Role> roles = new LinkedHashMap<>();
    private final LinkedHashMap<String, List<Object>> values = new LinkedHashMap<>();
    private int nrows;

    private Builder() {}

    public Builder title(String t) {
      this.title = t;
      return this;
    }

    /** Declares a column with a role (a column declared twice keeps its first position). */
    public Builder column(String name, Role role) {
      Objects.requireNonNull(name, "name");
      roles.put(name, role);
      values.computeIfAbsent(name, k -> new ArrayList<>(Collections.nCopies(nrows, null)));
      return this;
    }

    public Builder param(String name) {
      return column(name, Role.PARAM);
    }

    public Builder seed(String name) {
      return column(name, Role.SEED);
    }

    public Builder metric(String name) {
      return column(name, Role.METRIC);
    }

    public Builder info(String name) {
      return column(name, Role.INFO);
    }

    /** Appends a row; see the class documentation for accepted values. */
    public Builder addRow(Map<String, ?> row) {
      for (Map.Entry<String, ?> e : row.entrySet()) {
        if (!values.containsKey(e.getKey())) {
          column(e.getKey(), Role.NONE);
        }
      }
      for (Map.Entry<String, List<Object>> e : values.entrySet()) {
        e.getValue().add(normalize(row.get(e.getKey()), e.getKey(), nrows));
      }
      nrows++;
      return this;
    }

    public int nrows() {
      return nrows;
    }

    public Table build() {
      dev.exp.kernel.Budget.bytes((long) nrows * values.size() * 8,
          "a table of " + nrows + " rows × " + values.size() + " columns");
      List<Column> cols = new ArrayList<>();
      for (Map.Entry<String, List<Object>> e : values.entrySet()) {
        List<Object> vs = e.getValue();
        Role role = roles.get(e.getKey());
        boolean numeric = true;
        boolean bools = false;
        boolean numbers = false;
        for (Object v : vs) {
          if (v instanceof Boolean) {
            bools = true;
          } else if (v instanceof Double) {
            numbers = true;
          } else if (v != null) {
            numeric = false;
            break;
          }
        }
        if (numeric) {
          double[] d = new double[vs.size()];
          for (int i = 0; i < d.length; i++) {
            Object v = vs.get(i);
            d[i] = v == null ? Double.NaN : v instanceof Boolean b ? (b ? 1 : 0) : (Double) v;
          }
          cols.add(new Column(e.getKey(), role, d, null, bools && !numbers));
        } else {
          String[] s = new String[vs.size()];
          for (int i = 0; i < s.length; i++) {
            Object v = vs.get(i);
            s[i] = v == null ? null : v instanceof Double d ? Num.exact(d) : v instanceof Boolean b ? String.valueOf(b) : (String) v;
          }
          cols.add(new Column(e.getKey(), role, null, s));
        }
      }
      return new Table(title, cols);
    }

    private static Object normalize(Object v, String column, int row) {
      if (v == null) {
        return null;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof Boolean || v instanceof String) {
        return v;
      }
      if (v instanceof Tensor t && t.size() == 1 && !t.isComplex()) {
        return t.at(0);
      }
      throw new dev.exp.kernel.KernelException("a table cell is a number, bool, string or none, but column \"" + column
          + "\" row " + row + " holds " + dev.exp.kernel.Values.describe(v) + " (store a summary such as mean(x), or "
          + "str(x) for its text)");
    }
  }
}

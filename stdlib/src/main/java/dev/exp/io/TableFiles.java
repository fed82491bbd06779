package dev.exp.io;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.exp.kernel.KernelException;
import dev.exp.table.Num;
import dev.exp.table.Table;
import dev.exp.table.Table.Column;
import dev.exp.table.Table.Role;
import dev.exp.tensor.Tensor;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV and JSON forms of tables and tensors.
 *
 * <p><b>CSV</b> (RFC 4180, {@code \n} line ends): a header row of column names, then one line per
 * row. Numbers are written exactly ({@link Num#exact}: {@code 16}, {@code 0.1}, {@code 1.0E-5});
 * NaN as {@code nan}, infinities as {@code inf} / {@code -inf} (read by Python, NumPy and pandas);
 * missing text as an empty field. Reading: a column is numeric when every non-empty field is a
 * number (also {@code NaN}, {@code Infinity}); empty fields are then NaN, and in text columns they
 * are missing (so an empty string reads back as missing). CSV has no types: a text column whose
 * values all look like numbers reads back as numeric.
 *
 * <p><b>JSON</b>: a table is an array of row objects, one per line. Numbers are JSON numbers
 * (integral values without a fraction); NaN and missing text are {@code null}; infinities are the
 * strings {@code "inf"} / {@code "-inf"}. Reading: an array of objects becomes a table; a column is
 * numeric when every non-null value is a number, a bool (1/0) or one of the strings nan / inf /
 * -inf / NaN / Infinity / -Infinity; bare {@code NaN} / {@code Infinity} tokens (as written by
 * Python's json) are accepted. Other JSON becomes records, lists and numbers; an array of numbers
 * (or a rectangular nesting of them; null and the strings above read as nan / inf) becomes a
 * tensor, so a tensor read back from its JSON is the same tensor (one of nans only reads back as a
 * list of none).
 *
 * <p>Roles and titles are not stored; {@link #withRoles} restores them after reading.
 */
public final class TableFiles {
  private TableFiles() {}

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private static CSVFormat csvFormat() {
    return CSVFormat.RFC4180.builder().setRecordSeparator("\n").setNullString("").build();
  }

  // ------------------------------------------------------------------ CSV

  public static String toCsv(Table t) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, csvFormat())) {
      p.printRecord(t.columnNames());
      List<Object> rec = new ArrayList<>();
      for (int i = 0; i < t.nrows(); i++) {
        rec.clear();
        for (Column c : t.columns()) {
          rec.add(c.isBool() || !c.isNumeric() ? c.text(i) : Num.exact(c.number(i)));   // bools: true/false
        }
        p.printRecord(rec);
      }
    } catch (IOException e) {
      throw new KernelException("cannot format CSV: " + e.getMessage(), e);
    }
    return w.toString();
  }

  /** A 0-, 1- or 2-D tensor as CSV without a header: one line per row (a 1-D tensor is one line). */
  public static String toCsv(Tensor x) {
    if (x.rank() > 2) {
      throw new KernelException("only tensors of rank 0, 1 or 2 can be saved as CSV; got shape "
          + Tensor.shapeString(x.shape()) + " (reshape it, or save as .json)");
    }
    int rows = x.rank() == 2 ? x.dim(0) : 1;
    int cols = x.rank() == 2 ? x.dim(1) : x.size();
    StringBuilder sb = new StringBuilder();
    double[] d = x.raw();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (c > 0) {
          sb.append(',');
        }
        sb.append(Num.exact(d[r * cols + c]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static Table fromCsv(String text, String where) {
    List<List<String>> recs = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(text), csvFormat())) {
      for (CSVRecord r : p) {
        List<String> row = new ArrayList<>(r.size());
        for (String s : r) {
          row.add(s);
        }
        recs.add(row);
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new KernelException("cannot parse CSV " + where + ": " + csvProblem(e), e);
    }
    if (recs.isEmpty()) {
      return new Table(null, List.of());
    }
    List<String> header = recs.get(0);
    if (header.size() >= 2) {
      // a blank line is no row (as Python's csv and pandas read it); with one column it is a missing value
      recs.removeIf(r -> r != header && r.size() == 1 && (r.get(0) == null || r.get(0).isEmpty()));
    }
    List<String> names = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int j = 0; j < header.size(); j++) {
      String n = header.get(j) == null || header.get(j).isEmpty() ? "c" + j : header.get(j);
      while (!used.add(n)) {
        n = n + "_2";
      }
      names.add(n);
    }
    int nr = recs.size() - 1;
    for (int i = 1; i <= nr; i++) {
      if (recs.get(i).size() != names.size()) {
        throw KernelException.of("CSV %s: line %d has %d fields but the header has %d",
            where, i + 1, recs.get(i).size(), names.size());
      }
    }
    List<Column> cols = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      boolean numeric = true;
      double[] d = new double[nr];
      for (int i = 0; i < nr && numeric; i++) {
        String s = recs.get(i + 1).get(j);
        if (s == null || s.isEmpty()) {
          d[i] = Double.NaN;
        } else {
          Double v = Num.parse(s);
          if (v == null) {
            numeric = false;
          } else {
            d[i] = v;
          }
        }
      }
      if (numeric) {
        cols.add(Column.numeric(names.get(j), Role.NONE, d));
      } else if (bools(recs, j, d)) {
        cols.add(Column.bools(names.get(j), Role.NONE, d));
      } else {
        String[] s = new String[nr];
        for (int i = 0; i < nr; i++) {
          s[i] = recs.get(i + 1).get(j);
        }
        cols.add(Column.text(names.get(j), Role.NONE, s));
      }
    }
    return new Table(null, cols);
  }

  /**
   * Whether column j holds only true, false and empty fields (as {@link #toCsv} writes a bool
   * column, or True/False as pandas writes one); then {@code d} gets 1, 0 and NaN.
   */
  private static boolean bools(List<List<String>> recs, int j, double[] d) {
    boolean any = false;
    for (int i = 0; i < d.length; i++) {
      String s = recs.get(i + 1).get(j);
      if (s == null || s.isEmpty()) {
        d[i] = Double.NaN;
      } else if (s.equals("true") || s.equals("false") || s.equals("True") || s.equals("False")) {
        d[i] = s.equalsIgnoreCase("true") ? 1 : 0;
        any = true;
      } else {
        return false;
      }
    }
    return any;
  }

  // ------------------------------------------------------------------ JSON

  private static JsonNode number(double v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (Double.isNaN(v)) {
      return f.nullNode();
    }
    if (Double.isInfinite(v)) {
      return f.textNode(v > 0 ? "inf" : "-inf");
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
      return f.numberNode((long) v);
    }
    return f.numberNode(v);
  }

  public static String toJson(Table t) {
    StringBuilder sb = new StringBuilder("[");
    try {
      for (int i = 0; i < t.nrows(); i++) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Column c : t.columns()) {
          JsonNodeFactory f = JsonNodeFactory.instance;
          o.set(c.name(), c.isBool() ? (c.isMissing(i) ? f.nullNode() : f.booleanNode(c.number(i) != 0))
              : c.isNumeric() ? number(c.number(i)) : f.textNode(c.text(i)));
        }
        sb.append(i == 0 ? "\n  " : ",\n  ").append(JSON.writeValueAsString(o));
      }
    } catch (IOException e) {
      throw new KernelException("cannot format JSON: " + e.getMessage(), e);
    }
    return sb.append(t.nrows() == 0 ? "]\n" : "\n]\n").toString();
  }

  /** Any script value as JSON: Table, Tensor (nested arrays), List, Map, numbers, strings, bools. */
  public static String toJson(Object v) {
    if (v instanceof Table t) {
      return toJson(t);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node(v, 0)) + "\n";
    } catch (IOException e) {
      throw new KernelException("cannot format JSON: " + e.getMessage(), e);
    }
  }

  /** The deepest nesting written (Jackson's default limit, which JSON readers share). */
  static final int MAX_JSON_DEPTH = 1000;

  private static JsonNode node(Object v, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (depth >= MAX_JSON_DEPTH) {
      throw new KernelException("the value is nested more than " + MAX_JSON_DEPTH
          + " lists or records deep, more than JSON allows");
    }
    if (v == null) {
      return f.nullNode();
    }
    if (v instanceof Number n) {
      return number(n.doubleValue());
    }
    if (v instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (v instanceof String s) {
      return f.textNode(s);
    }
    if (v instanceof Tensor t) {
      if (t.rank() == 0) {
        return number(t.at(0));
      }
      return tensorNode(t.raw(), t.shape(), 0, 0);
    }
    if (v instanceof List<?> l) {
      ArrayNode a = f.arrayNode();
      for (Object o : l) {
        a.add(node(o, depth + 1));
      }
      return a;
    }
    if (v instanceof Map<?, ?> m) {
      ObjectNode o = f.objectNode();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        o.set(String.valueOf(e.getKey()), node(e.getValue(), depth + 1));
      }
      return o;
    }
    if (v instanceof Table t) {
      ArrayNode a = f.arrayNode();
      for (Map<String, Object> r : t.rows()) {
        a.add(node(r, depth + 1));
      }
      return a;
    }
    throw new KernelException("cannot write " + dev.exp.kernel.Values.describe(v) + " as JSON");
  }

  private static ArrayNode tensorNode(double[] d, int[] shape, int axis, int offset) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    int stride = 1;
    for (int k = axis + 1; k < shape.length; k++) {
      stride *= shape[k];
    }
    for (int i = 0; i < shape[axis]; i++) {
      if (axis == shape.length - 1) {
        a.add(number(d[offset + i]));
      } else {
        a.add(tensorNode(d, shape, axis + 1, offset + i * stride));
      }
    }
    return a;
  }

  private static boolean specialNumber(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "nan":
      case "inf":
      case "-inf":
      case "infinity":
      case "-infinity":
        return true;
      default:
        return false;
    }
  }

  /** What the CSV parser found wrong, in words and with the line, without Java class names. */
  static String csvProblem(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? "malformed input" : t.getMessage();
    m = m.replaceFirst("^[a-z][\\w.]*\\.[A-Z]\\w*(Exception|Error): ", "");   // a wrapped exception's class name
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("^\\(line (\\d+)\\) |^\\(startline (\\d+)\\) ").matcher(m);
    String at = "";
    if (line.find()) {
      at = "line " + (line.group(1) != null ? line.group(1) : line.group(2)) + ": ";
      m = m.substring(line.end());
    }
    if (m.startsWith("EOF reached before encapsulated token finished")) {
      m = "a quoted field is not closed before the end of the file";
    }
    return at + m;
  }

  /** What the JSON parser found wrong, with the line and column, without Jackson's source description. */
  static String jsonProblem(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
      String m = j.getOriginalMessage();
      int marker = m == null ? -1 : m.indexOf(" (start marker at");
      if (marker >= 0) {
        m = m.substring(0, marker);
      }
      com.fasterxml.jackson.core.JsonLocation loc = j.getLocation();
      String at = loc == null || loc.getLineNr() < 0 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
      return at + m;
    }
    String m = e.getMessage();
    int nl = m == null ? -1 : m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }

  /** Parses JSON: an array of objects → Table, else script values (see class doc). */
  public static Object fromJson(String text, String where) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new KernelException("cannot parse JSON " + where + ": " + jsonProblem(e), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new KernelException("cannot parse JSON " + where + ": the file is empty");
    }
    if (root.isArray() && root.size() > 0) {
      boolean allObjects = true;
      for (JsonNode n : root) {
        allObjects &= n.isObject();
      }
      if (allObjects) {
        return tableFromJson(root);
      }
    }
    return value(root);
  }

  private static Table tableFromJson(JsonNode root) {
    LinkedHashMap<String, Boolean> numeric = new LinkedHashMap<>();
    for (JsonNode row : root) {
      Iterator<Map.Entry<String, JsonNode>> it = row.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode n = e.getValue();
        boolean num = n.isNull() || n.isNumber() || n.isBoolean() || (n.isTextual() && specialNumber(n.asText()));
        numeric.merge(e.getKey(), num, Boolean::logicalAnd);
      }
    }
    Table.Builder b = Table.builder();
    for (String k : numeric.keySet()) {
      b.column(k, Role.NONE);
    }
    for (JsonNode row : root) {
      Map<String, Object> r = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = row.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode n = e.getValue();
        Object v;
        if (n.isNull()) {
          v = null;
        } else if (numeric.get(e.getKey())) {
          v = n.isTextual() ? Num.parse(n.asText()) : n.isBoolean() ? (Object) n.asBoolean() : n.asDouble();
        } else if (n.isTextual()) {
          v = n.asText();
        } else if (n.isNumber()) {
          v = Num.exact(n.asDouble());
        } else {
          v = n.toString();
        }
        r.put(e.getKey(), v);
      }
      b.addRow(r);
    }
    return b.build();
  }

  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), value(e.getValue()));
      }
      return m;
    }
    // array: a rectangular nesting of numbers is a tensor
    int[] shape = numericShape(n);
    if (shape != null && n.size() > 0 && hasNumber(n)) {
      double[] d = new double[(int) java.util.Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b)];
      fill(n, d, new int[] {0});
      return Tensor.wrap(shape, d);
    }
    List<Object> l = new ArrayList<>();
    for (JsonNode c : n) {
      l.add(value(c));
    }
    return l;
  }

  /** Whether the nesting holds a number or an "inf"/"nan" string (not only nulls): a tensor as written. */
  private static boolean hasNumber(JsonNode n) {
    if (n.isNumber() || n.isTextual() && specialNumber(n.asText())) {
      return true;
    }
    for (JsonNode c : n) {
      if (hasNumber(c)) {
        return true;
      }
    }
    return false;
  }

  /** Shape of a rectangular nesting of numbers (null and "inf"/"nan" strings count as numbers). */
  private static int[] numericShape(JsonNode n) {
    if (n.isNumber() || n.isNull() || (n.isTextual() && specialNumber(n.asText()))) {
      return new int[0];
    }
    if (!n.isArray() || n.size() == 0) {
      return null;
    }
    int[] inner = null;
    for (JsonNode c : n) {
      int[] s = numericShape(c);
      if (s == null || (inner != null && !java.util.Arrays.equals(s, inner))) {
        return null;
      }
      inner = s;
    }
    int[] out = new int[inner.length + 1];
    out[0] = n.size();
    System.arraycopy(inner, 0, out, 1, inner.length);
    return out;
  }

  private static void fill(JsonNode n, double[] d, int[] pos) {
    if (n.isNumber()) {
      d[pos[0]++] = n.asDouble();
      return;
    }
    if (n.isNull() || n.isTextual()) {
      d[pos[0]++] = n.isNull() ? Double.NaN : Num.parse(n.asText());
      return;
    }
    for (JsonNode c : n) {
      fill(c, d, pos);
    }
  }

  /**
   * The same table with roles assigned: params, the seed column and metrics by name; when a seed is
   * given, the other columns named seconds, status or error become INFO.
   */
  public static Table withRoles(Table t, List<String> params, String seed, List<String> metrics) {
    if (params.isEmpty() && seed == null && metrics.isEmpty()) {
      return t;
    }
    for (String n : params) {
      t.column(n);
    }
    for (String n : metrics) {
      t.column(n);
    }
    if (seed != null) {
      t.column(seed);
    }
    List<Column> cols = new ArrayList<>();
    for (Column c : t.columns()) {
      Role r = params.contains(c.name()) ? Role.PARAM
          : c.name().equals(seed) ? Role.SEED
          : metrics.contains(c.name()) ? Role.METRIC
          : seed != null && List.of("seconds", Table.STATUS, Table.ERROR).contains(c.name()) ? Role.INFO
          : c.role();
      cols.add(c.renamed(c.name(), r));
    }
    return new Table(t.title(), cols);
  }
}

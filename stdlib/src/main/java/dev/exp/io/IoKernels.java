package dev.exp.io;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelException;
import dev.exp.table.Table;
import dev.exp.table.TablePrinter;
import dev.exp.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files: {@code save} (global, by extension, atomic) and the {@code io} namespace (read_csv,
 * read_json, read_text, write_text, write_json). Formats are described in {@link TableFiles}.
 */
public final class IoKernels {
  private IoKernels() {}

  static String extension(String path) {
    String name = Path.of(path).getFileName() == null ? "" : Path.of(path).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static Path path(String path) {
    if (path == null || path.isBlank()) {
      throw new KernelException("path must not be empty");
    }
    try {
      return Path.of(path);
    } catch (java.nio.file.InvalidPathException e) {
      throw new KernelException("invalid path \"" + path + "\": " + e.getReason());
    }
  }

  private static KernelException unsupported(String what, String path, String supported) {
    String ext = extension(path);
    return new KernelException("save: cannot save " + what + " as "
        + (ext.isEmpty() ? "a file without extension" : "." + ext) + " (\"" + path
        + "\"); supported extensions for " + what + ": " + supported);
  }

  @Kernel(
      name = "save",
      needs = {"file.write"},
      doc = "Saves a table to a file chosen by extension and returns the table unchanged (so a "
          + "pipeline can go on). .csv and .json hold every row (see io.read_csv, io.read_json; nan "
          + "is written as nan in CSV and null in JSON); .md writes the printed form as a Markdown "
          + "table (the per-grid-point summary for experiment results). The file is written "
          + "atomically (temporary file, then rename); missing directories are created. Example: "
          + "res |> save(\"runs/sor.csv\").")
  public static Table save(@Arg("value") Table t, @Arg("path") String path) {
    Path p = path(path);
    switch (extension(path)) {
      case "csv":
        AtomicFiles.writeText(p, TableFiles.toCsv(t));
        break;
      case "json":
        AtomicFiles.writeText(p, TableFiles.toJson(t));
        break;
      case "md":
      case "markdown":
        AtomicFiles.writeText(p, TablePrinter.markdown(t));
        break;
      default:
        throw unsupported("a table", path, ".csv, .json, .md");
    }
    return t;
  }

  @Kernel(
      name = "save",
      needs = {"file.write"},
      doc = "Saves a tensor and returns it unchanged: .csv for rank 0 to 2 (one line per row, no "
          + "header), .json as nested arrays. Written atomically.")
  public static Tensor save(@Arg("value") Tensor x, @Arg("path") String path) {
    Path p = path(path);
    switch (extension(path)) {
      case "csv":
        AtomicFiles.writeText(p, TableFiles.toCsv(x));
        break;
      case "json":
        AtomicFiles.writeText(p, TableFiles.toJson(x));
        break;
      default:
        throw unsupported("a tensor", path, ".csv, .json");
    }
    return x;
  }

  @Kernel(
      name = "save",
      needs = {"file.write"},
      doc = "Saves a figure and returns it unchanged: .svg (vector, deterministic bytes) or .png "
          + "(raster at 2x resolution for sharp print). Written atomically. Example: "
          + "res |> plot.line(x: \"m\", y: \"err\", log: \"xy\") |> save(\"err.svg\").")
  public static dev.exp.plot.Figure save(@Arg("value") dev.exp.plot.Figure f, @Arg("path") String path) {
    Path p = path(path);
    switch (extension(path)) {
      case "svg":
        AtomicFiles.writeText(p, f.toSvg());
        break;
      case "png":
        byte[] png = f.toPng();
        AtomicFiles.write(p, out -> out.write(png));
        break;
      default:
        throw unsupported("a figure", path, ".svg, .png");
    }
    return f;
  }

  private static List<String> names(Object v, String what) {
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
          throw new KernelException(what + ": expected column names (strings)");
        }
        out.add(s);
      }
      return out;
    }
    throw new KernelException(what + ": expected a column name or a list of names");
  }

  @Kernel(
      name = "io.read_csv",
      needs = {"file.read"},
      doc = "Reads a CSV file (UTF-8) with a header row into a table; blank lines are no rows when the header "
          + "has two columns or more (as Python's csv and pandas). Columns whose non-empty fields are all "
          + "numbers (nan, inf allowed) are numeric, with empty fields as nan; columns of true/false (or pandas' "
          + "True/False) and empty fields are bools; other columns are text, "
          + "with empty fields as none. Optionally restores experiment roles: params (column names), "
          + "seed (a column name) and metrics, so that the table prints its per-grid-point summary "
          + "again. Example: io.read_csv(\"runs/sor.csv\", params: [\"n\", \"omega\"], seed: \"seed\", "
          + "metrics: [\"iters\"]).")
  public static Table readCsv(
      @Arg("path") String path,
      @Arg(value = "params", dflt = "none") Object params,
      @Arg(value = "seed", dflt = "none") String seed,
      @Arg(value = "metrics", dflt = "none") Object metrics) {
    Table t = TableFiles.fromCsv(AtomicFiles.readText(path(path)), path);
    return TableFiles.withRoles(t, names(params, "params"), seed, names(metrics, "metrics"));
  }

  @Kernel(
      name = "io.read_json",
      needs = {"file.read"},
      doc = "Reads a JSON file. A non-empty array of objects becomes a table (as written by save); "
          + "anything else becomes script values: objects are records, arrays of numbers (also "
          + "nested, rectangular) are tensors, other arrays lists.")
  public static Object readJson(@Arg("path") String path) {
    return TableFiles.fromJson(AtomicFiles.readText(path(path)), path);
  }

  @Kernel(
      name = "io.write_json",
      needs = {"file.write"},
      doc = "Writes any value (record, list, tensor, number, string, table) as JSON, atomically, and "
          + "returns it unchanged. Tensors become nested arrays; nan becomes null, infinities the "
          + "strings \"inf\" and \"-inf\".")
  public static Object writeJson(@Arg("value") Object value, @Arg("path") String path) {
    AtomicFiles.writeText(path(path), TableFiles.toJson(value));
    return value;
  }

  @Kernel(name = "io.read_text", needs = {"file.read"}, doc = "Reads a UTF-8 text file into a string.")
  public static String readText(@Arg("path") String path) {
    return AtomicFiles.readText(path(path));
  }

  @Kernel(
      name = "io.write_text",
      needs = {"file.write"},
      doc = "Writes a string to a UTF-8 text file (atomically; missing directories are created) and "
          + "returns the string. Example: \"# Results\\n\" + str(t) |> io.write_text(\"out/report.md\").")
  public static String writeText(@Arg("text") String text, @Arg("path") String path) {
    AtomicFiles.writeText(path(path), text);
    return text;
  }
}

package dev.exp.eval.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finished trials of one experiment, kept in an append-only JSON-lines file. Each line is flushed
 * and synced before the next trial is recorded, so a process killed mid-sweep loses only the trials
 * in flight; a torn last line is ignored when the file is read back. Entries are keyed by a hash of
 * the experiment's normalised source, the Exp version, the trial's parameters and its replicate, so
 * editing the experiment body invalidates them. Each line carries a checksum of its key and row: a
 * line that does not parse or whose checksum does not match (torn by a crash, edited by hand) is
 * counted in {@link #damagedLines()} and never used, so its trial runs again.
 */
final class TrialCache {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<String, Map<String, Object>> entries = new HashMap<>();
  private int damaged;
  private FileChannel channel;

  private TrialCache(Path file) {
    this.file = file;
  }

  static TrialCache open(Path dir, String experimentName) throws IOException {
    Files.createDirectories(dir);
    TrialCache c = new TrialCache(dir.resolve(slug(experimentName) + ".jsonl"));
    c.load();
    return c;
  }

  Path file() {
    return file;
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    StringBuilder good = new StringBuilder();
    StringBuilder bad = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int before = damaged;
      try {
        JsonNode n = JSON.readTree(line);
        String key = n.get("key").asText();
        JsonNode sum = n.get("sum");
        if (sum == null || !sum.asText().equals(checksum(key, n.get("row")))) {
          damaged++;
          bad.append(line).append('\n');
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.get("row").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          row.put(e.getKey(), decode(e.getValue()));
        }
        entries.put(key, row);
      } catch (IOException | RuntimeException e) {
        damaged++;
      }
      (damaged == before ? good : bad).append(line).append('\n');
    }
    if (damaged > 0) {
      // keep the damaged lines beside the cache (nothing is lost) and rewrite it without them, once
      Files.writeString(file.resolveSibling(file.getFileName() + ".damaged"), bad, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(good.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } else if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
      append("\n");
    }
  }

  /** Lines of the file that were unreadable or failed their checksum (and were ignored). */
  int damagedLines() {
    return damaged;
  }

  private static String checksum(String key, JsonNode row) throws IOException {
    return hash(List.of(key, JSON.writeValueAsString(row))).substring(0, 16);
  }

  /** The cached row of a finished trial, or null. */
  synchronized Map<String, Object> get(String key) {
    return entries.get(key);
  }

  /** Records a finished trial durably. */
  synchronized void put(String key, Map<String, Object> row) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", key);
    ObjectNode r = n.putObject("row");
    for (Map.Entry<String, Object> e : row.entrySet()) {
      r.set(e.getKey(), encode(e.getValue()));
    }
    n.put("sum", checksum(key, r));
    append(JSON.writeValueAsString(n) + "\n");
    entries.put(key, row);
  }

  private void append(String s) throws IOException {
    if (channel == null) {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
    ByteBuffer buf = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(false);
  }

  synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was lost: every record was already forced
      }
      channel = null;
    }
  }

  private static JsonNode encode(Object v) {
    ArrayNode a = JSON.createArrayNode();
    if (v == null) {
      a.add("z");
    } else if (v instanceof Double d) {
      a.add("n");
      if (Double.isFinite(d)) {
        a.add(d);
      } else {
        a.add(Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf");
      }
    } else if (v instanceof Boolean b) {
      a.add("b");
      a.add(b);
    } else {
      a.add("s");
      a.add(String.valueOf(v));
    }
    return a;
  }

  private static Object decode(JsonNode n) {
    String tag = n.get(0).asText();
    switch (tag) {
      case "n": {
        JsonNode x = n.get(1);
        if (x.isTextual()) {
          return switch (x.asText()) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
          };
        }
        return x.asDouble();
      }
      case "b":
        return n.get(1).asBoolean();
      case "s":
        return n.get(1).asText();
      default:
        return null;
    }
  }

  static String slug(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.isEmpty() ? "experiment" : s;
  }

  /** SHA-256 of the parts, as hex. */
  /**
   * A text that changes when the value does, for cache keys: numbers, bools and strings exactly;
   * tensors by shape and a hash of every element; lists and records item by item; a function by
   * its name here (the runner adds its source and the globals it uses: {@code functionKey}).
   */
  static String fingerprint(Object v) {
    if (v instanceof dev.exp.tensor.Tensor t) {
      long h = 1125899906842597L;
      for (double x : t.isComplex() ? t.complexRaw() : t.raw()) {
        h = 31 * h + Double.doubleToLongBits(x);
      }
      return (t.isComplex() ? "complex" : "tensor") + java.util.Arrays.toString(t.shape()) + "#" + Long.toHexString(h);
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (Object x : l) {
        sb.append(fingerprint(x)).append(',');
      }
      return sb.append(']').toString();
    }
    if (v instanceof dev.exp.eval.runtime.Record r) {
      StringBuilder sb = new StringBuilder("{");
      for (int i = 0; i < r.size(); i++) {
        sb.append(r.key(i)).append(':').append(fingerprint(r.value(i))).append(',');
      }
      return sb.append('}').toString();
    }
    if (v instanceof dev.exp.eval.runtime.Callable f) {
      return "fn " + f.name();
    }
    if (v instanceof Double d) {
      return Long.toHexString(Double.doubleToLongBits(d));
    }
    return dev.exp.eval.runtime.Printer.repr(v);
  }

  static String hash(List<String> parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        md.update(p.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : md.digest()) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The experiment's source without comments and with runs of white space folded. */
  static String normalize(String source) {
    StringBuilder sb = new StringBuilder();
    boolean inString = false;
    boolean space = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (inString) {
        sb.append(c);
        if (c == '\\' && i + 1 < source.length()) {
          sb.append(source.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '#') {
        while (i + 1 < source.length() && source.charAt(i + 1) != '\n') {
          i++;
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && sb.length() > 0) {
        sb.append(' ');
      }
      space = false;
      sb.append(c);
      if (c == '"') {
        inString = true;
      }
    }
    return sb.toString();
  }
}

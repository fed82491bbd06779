package dev.exp.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Capability;
import dev.exp.api.Engine;
import dev.exp.api.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trial cache: reuse on rerun, invalidation when the body changes, failed trials rerun. */
class ExperimentCacheTest {
  @TempDir
  Path dir;

  private final AtomicInteger runs = new AtomicInteger();

  private String run(String script) {
    Engine engine = Engine.builder().baseDir(dir).grant(Capability.FILE_READ, Capability.FILE_WRITE)
        .function("tick", a -> runs.incrementAndGet()).build();
    try (Session s = engine.newSession()) {
      return s.eval(script).toString();
    }
  }

  static final String BODY = """
      experiment "cached" (cache: "runs", jobs: 2) {
        sweep m in [1, 2, 3]
        repeat 4
        tick()
        report v = m * 10 + seed + rand([1])[0]
      }
      """;

  @Test
  void rerunReusesEveryFinishedTrial() {
    String first = run(BODY);
    assertEquals(12, runs.get());
    String second = run(BODY);
    assertEquals(12, runs.get(), "no trial should run again");
    assertEquals(first, second);
  }

  @Test
  void commentsAndWhitespaceDoNotInvalidateButTheBodyDoes() {
    run(BODY);
    run(BODY.replace("tick()", "tick()   # count the trial"));
    assertEquals(12, runs.get());
    run(BODY.replace("m * 10", "m * 100"));
    assertEquals(24, runs.get(), "a changed body must rerun every trial");
  }

  @Test
  void failedTrialsRunAgain() throws IOException {
    String failing = """
        experiment "flaky" (cache: "runs", jobs: 1) {
          sweep k in [1, 2, 3]
          let attempt = tick()
          if k == 2 and attempt <= 3 { error("not yet") }
          report v = k
        }
        """;
    run(failing);
    assertEquals(3, runs.get());
    String out = run(failing);
    assertEquals(4, runs.get(), "only the failed trial runs again");
    assertTrue(!out.contains("failed"), out);
    assertTrue(Files.exists(dir.resolve("runs/flaky.jsonl")));
  }

  @Test
  void aChangedInputTheBodyReadsRerunsTheTrials() {
    String body = """
        experiment "scaled" (cache: "runs") {
          sweep k in [1, 2]
          tick()
          report v = k * scale + sum(weights)
        }
        """;
    run("let scale = 1\nlet weights = [1, 2]\n" + body);
    run("let scale = 1\nlet weights = [1, 2]\nlet unused = 5\n" + body);
    assertEquals(2, runs.get(), "same inputs: the cache is used");
    String out = run("let scale = 2\nlet weights = [1, 2]\n" + body);
    assertEquals(4, runs.get(), "a changed number reruns");
    assertTrue(out.contains("5") && out.contains("7"), out);
    run("let scale = 2\nlet weights = [1, 3]\n" + body);
    assertEquals(6, runs.get(), "a changed tensor element reruns");
  }

  /** A helper function's code and the globals only it (or a function it calls) reads are keyed too. */
  @Test
  void aChangedHelperOrAConstantOnlyAHelperReadsRerunsTheTrials() {
    String body = """
        fn helper(k) = k * scale
        fn outer(k) = helper(k) + 0
        experiment "helped" (cache: "runs") {
          sweep k in [1, 2]
          tick()
          report v = outer(k)
        }
        """;
    String first = run("let scale = 2\n" + body);
    assertTrue(first.contains("2") && first.contains("4"), first);
    run("let scale = 2\n" + body.replace("fn outer", "# a comment\nfn outer"));
    assertEquals(2, runs.get(), "same code and inputs: the cache is used");
    String out = run("let scale = 3\n" + body);
    assertEquals(4, runs.get(), "a constant read two calls down reruns");
    assertTrue(out.contains("3") && out.contains("6"), out);
    run("let scale = 3\n" + body.replace("k * scale", "k * scale + 1"));
    assertEquals(6, runs.get(), "an edited helper reruns");
    run("let scale = 3\n" + body.replace("k * scale", "k * scale + 1"));
    assertEquals(6, runs.get(), "and is cached in turn");
  }

  @Test
  void functionsReachedThroughValuesAreKeyedByTheirCode() {
    String body = """
        fn m1(x) = x + 1
        fn m2(x) = x + 2
        let methods = [{name: "one", f: m1}, {name: "two", f: m2}]
        experiment "swept" (cache: "runs") {
          sweep f in [m1, m2]
          sweep m in methods
          tick()
          report v = f(10) + m.f(0)
        }
        """;
    String first = run(body);
    assertEquals(4, runs.get());
    assertTrue(first.contains("12") && first.contains("13") && first.contains("14"), first);
    run(body);
    assertEquals(4, runs.get(), "unchanged: every trial from the cache");
    String edited = run(body.replace("x + 1", "x + 1000"));
    assertEquals(4 + 3, runs.get(), "every trial that reaches m1 (swept directly or through the record) reruns; m2 with m2 does not");
    assertTrue(edited.contains("2010") && edited.contains("1012") && edited.contains(" 14 "), edited);   // 1010 + 1000, 1010 + 2, 12 + 1000
  }

  @Test
  void tornLastLineIsIgnored() throws IOException {
    run(BODY);
    Path file = dir.resolve("runs/cached.jsonl");
    Files.writeString(file, Files.readString(file) + "{\"key\":\"abc\",\"row\":{\"v\":[\"n\",", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    run(BODY);
    assertEquals(12, runs.get());
  }

  @Test
  void tamperedLineIsReportedOnceAndRecomputed() throws IOException {
    String first = run(BODY);
    Path file = dir.resolve("runs/cached.jsonl");
    java.util.List<String> lines = Files.readAllLines(file);
    // change one stored metric by hand: the checksum no longer matches
    String line = lines.get(0);
    int at = line.indexOf("[\"n\",") + 5;
    int end = line.indexOf(']', at);
    lines.set(0, line.substring(0, at) + "12345.0" + line.substring(end));
    Files.write(file, lines);
    java.util.List<String> warnings = new java.util.ArrayList<>();
    Engine engine = Engine.builder().baseDir(dir).grant(Capability.FILE_READ, Capability.FILE_WRITE)
        .function("tick", a -> runs.incrementAndGet()).build();
    String second;
    try (Session s = engine.newSession()) {
      s.progress(new dev.exp.api.ExperimentListener() {
        @Override
        public void start(String e, int t, int g, long r, int c, int j) {}

        @Override
        public void update(String e, int d, int f, int c, int t, double s) {}

        @Override
        public void finish(String e, int d, int f, int c, int t, double s, String err) {}

        @Override
        public void warning(String e, String message) {
          warnings.add(message);
        }
      });
      second = s.eval(BODY).toString();
    }
    assertEquals(13, runs.get(), "exactly the tampered trial runs again");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("1 damaged or modified line"), warnings.get(0));
    assertEquals(first, second, "the recomputed trial gives the original value, not the tampered one");
    assertTrue(Files.readString(dir.resolve("runs/cached.jsonl.damaged")).contains("12345.0"), "the damaged line is kept aside");
    assertTrue(!Files.readString(file).contains("12345.0"), "and dropped from the cache, so the warning comes once");
    run(BODY);
    assertEquals(13, runs.get());
  }

  @Test
  void experimentWhoseEveryTrialFailsFailsWithTheFirstError() {
    String all = """
        experiment "doomed" {
          sweep k in [1, 2]
          error("broken {k}")
          report v = k
        }
        """;
    ExpRuntimeExceptionHolder h = new ExpRuntimeExceptionHolder();
    try {
      run(all);
    } catch (dev.exp.api.ExpRuntimeException e) {
      h.message = e.getMessage();
    }
    assertTrue(h.message != null && h.message.contains("all 2 trials failed") && h.message.contains("broken 1"),
        String.valueOf(h.message));
    String recorded = run(all.replace("experiment \"doomed\"", "experiment \"doomed\" (on_error: \"record\")"));
    assertTrue(recorded.contains("2 of 2 trials failed") || recorded.contains("error"), recorded);
  }

  private static final class ExpRuntimeExceptionHolder {
    String message;
  }
}

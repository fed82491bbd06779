package dev.exp.script;

import dev.exp.api.Capability;
import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.Session;
import dev.exp.api.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a script file the way the CLI does and captures what a user would see. */
public final class ScriptRunner {
  private ScriptRunner() {}

  /** Output lines, the error text (as the CLI prints it) when the script failed, and the warnings' texts. */
  public record Result(String output, String error, String warnings) {}

  public static Result run(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
    Engine engine = Engine.builder().output(lines::add).warnings(warnings::add).baseDir(file.toAbsolutePath().getParent())
        .grant(Capability.FILE_READ, Capability.FILE_WRITE).build();
    String name = file.getFileName().toString();
    Source src = new Source(name, Files.readString(file));
    String error = null;
    try (Session s = engine.newSession()) {
      s.set("args", List.of());
      s.eval(src);
    } catch (ExpSyntaxException e) {
      error = e.getMessage();
    } catch (ExpRuntimeException e) {
      error = e.render();
    }
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l).append('\n');
    }
    StringBuilder warned = new StringBuilder();
    for (String w : warnings) {
      warned.append(w).append('\n');
    }
    return new Result(out.toString(), error, warned.toString());
  }
}

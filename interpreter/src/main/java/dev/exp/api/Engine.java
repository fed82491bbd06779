package dev.exp.api;

import dev.exp.eval.Interpreter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The entry point for hosts: immutable and thread-safe once built. Holds the bound standard library,
 * host modules, limits and granted capabilities. Create {@link Session}s from it, one per thread.
 *
 * <pre>{@code
 * Engine engine = Engine.builder().limits(Limits.DEFAULT.withMaxSteps(1_000_000)).build();
 * try (Session s = engine.newSession()) {
 *   double r = s.eval("sum([1, 2, 3])").asDouble();
 * }
 * }</pre>
 */
public final class Engine {
  private final Interpreter interpreter;
  private final Limits limits;
  private final Set<Capability> grants;
  private final Consumer<String> output;
  private final Path baseDir;
  private final long seed;

  private Engine(Builder b) {
    this.interpreter = new Interpreter(b.kernelClasses, b.hostValues);
    this.limits = b.limits;
    this.grants = Collections.unmodifiableSet(EnumSet.copyOf(b.grants));
    this.output = b.output;
    this.baseDir = b.baseDir;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A new session with its own globals and random stream. */
  public Session newSession() {
    return new Session(this);
  }

  /** Compiles a script for repeated runs; static errors are thrown here. */
  public Script compile(Source source) {
    Parsing.check(source);
    return new Script(this, source);
  }

  Interpreter interpreter() {
    return interpreter;
  }

  public Limits limits() {
    return limits;
  }

  public Set<Capability> grants() {
    return grants;
  }

  Consumer<String> output() {
    return output;
  }

  Path baseDir() {
    return baseDir;
  }

  long seed() {
    return seed;
  }

  /** Names of the global builtin functions (not namespaces), sorted. */
  public java.util.List<String> globalFunctionNames() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (java.util.Map.Entry<String, Object> e : interpreter.builtins().entrySet()) {
      if (e.getValue() instanceof dev.exp.eval.Callable) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** Help text (signature and doc) for a dotted name such as "linalg.svd", or null when unknown. */
  public String help(String name) {
    Object v = interpreter.lookup(name);
    return v == null ? null : Interpreter.help(v);
  }

  /** Configures an engine. Nothing is granted by default. */
  public static final class Builder {
    private final List<Class<?>> kernelClasses = new ArrayList<>();
    private final Map<String, Object> hostValues = new LinkedHashMap<>();
    private Limits limits = Limits.DEFAULT;
    private final Set<Capability> grants = EnumSet.noneOf(Capability.class);
    private Consumer<String> output = System.out::println;
    private Path baseDir = Path.of("").toAbsolutePath();
    private long seed;

    public Builder limits(Limits l) {
      this.limits = l;
      return this;
    }

    /** Grants capabilities to every session of the engine. */
    public Builder grant(Capability... cs) {
      grants.addAll(List.of(cs));
      return this;
    }

    /** Where {@code print} output goes, one line per call. */
    public Builder output(Consumer<String> out) {
      this.output = out;
      return this;
    }

    /** Directory relative paths resolve against. */
    public Builder baseDir(Path dir) {
      this.baseDir = dir.toAbsolutePath();
      return this;
    }

    /** Seed of each new session's random stream (default 0: runs are reproducible). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Registers a class of {@code @Kernel}-annotated static methods, exactly like the stdlib's. */
    public Builder module(Class<?> kernelClass) {
      kernelClasses.add(kernelClass);
      return this;
    }

    /** Registers a host function callable from scripts under {@code name}. */
    public Builder function(String name, HostFunction fn) {
      hostValues.put(name, HostFunction.adapt(name, fn));
      return this;
    }

    public Engine build() {
      return new Engine(this);
    }
  }
}

package dev.exp.api;

/** A script checked for syntax once; run it in any number of sessions with {@link Session#run(Script)}. */
public final class Script {
  private final Engine engine;
  private final Source source;

  Script(Engine engine, Source source) {
    this.engine = engine;
    this.source = source;
  }

  public Source source() {
    return source;
  }

  Engine engine() {
    return engine;
  }
}

package dev.exp.api;

/** Syntax-only checks for the API layer. */
final class Parsing {
  private Parsing() {}

  static void check(Source source) {
    dev.exp.syntax.Parsing.parse(source);
  }
}

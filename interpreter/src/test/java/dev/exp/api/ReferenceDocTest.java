package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.exp.Stdlib;
import dev.exp.binding.ReferenceDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/stdlib.md must equal what the annotations generate (regenerate with -Dexp.updateDocs=true). */
class ReferenceDocTest {
  static final Path DOC = Path.of("../docs/stdlib.md");

  @Test
  void committedReferenceIsCurrent() throws IOException {
    String generated = ReferenceDoc.generate(BuiltinTable.assemble(List.of(), Map.of()), Stdlib.namespaces());
    if (Boolean.getBoolean("exp.updateDocs")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
    assertEquals(generated, committed,
        "docs/stdlib.md is stale: run mvn -q -pl interpreter test -Dtest=ReferenceDocTest -Dexp.updateDocs=true");
  }
}

package io.jdissect.filter;

import io.jdissect.api.FieldRegistry;
import io.jdissect.api.JDissect;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The grammar's examples (grammars/antlr/io/jdissect/filter/examples/*.txt) as a regression suite:
 * each expression, accepted by tshark 4.0, compiles (rows naming protocols this build does not
 * declare yet are skipped).
 */
class GrammarExamplesTest {
    @TestFactory
    List<DynamicTest> examplesCompile() throws IOException {
        FieldRegistry registry = JDissect.create().registry().fields();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("grammars/antlr/io/jdissect/filter/examples"))) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + line, () -> {
                        FilterSuiteTest.assumeDeclared(registry, line, true);
                        assertNotNull(DisplayFilter.compile(line, registry));
                    }));
                }
            }
        }
        return tests;
    }
}

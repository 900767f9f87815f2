package io.jdissect.protocols.smtp;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;

/** Runs the ANTLR grammar (grammars/antlr/.../SmtpLexer.g4, SmtpParser.g4) on one line, collecting syntax errors. */
final class SmtpGrammar {
    private SmtpGrammar() {
    }

    /** A parse tree and the syntax errors met on the way (empty when the line fits the grammar). */
    record Result<T>(T tree, List<String> errors) {
    }

    private static final class Errors extends BaseErrorListener {
        final List<String> messages = new ArrayList<>(1);

        @Override
        public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg, RecognitionException e) {
            if (messages.size() < 4) {
                messages.add("column " + col + ": " + msg);
            }
        }
    }

    /**
     * A lexer and parser set up once per thread and pointed at each new line: building them (error
     * listeners, ATN simulators) cost as much as parsing a short line, and SMTP has one per packet.
     */
    private static final class Machinery {
        final Errors errors = new Errors();
        final SmtpLexer lexer = new SmtpLexer(CharStreams.fromString(""));
        final CommonTokenStream tokens = new CommonTokenStream(lexer);
        final SmtpParser parser = new SmtpParser(tokens);

        Machinery() {
            lexer.removeErrorListeners();
            lexer.addErrorListener(errors);
            parser.removeErrorListeners();
            parser.addErrorListener(errors);
            // One line is short and the grammar is LL(1) almost everywhere: SLL prediction and stopping at the
            // first error keep garbage lines (binary data on port 25) cheap.
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
        }

        SmtpParser parser(String text, int mode) {
            errors.messages.clear();
            lexer.setInputStream(CharStreams.fromString(text));
            lexer.mode(mode);
            tokens.setTokenSource(lexer);
            parser.setTokenStream(tokens);
            return parser;
        }

        List<String> errors() {
            return List.copyOf(errors.messages);
        }
    }

    private static final ThreadLocal<Machinery> MACHINERY = ThreadLocal.withInitial(Machinery::new);

    private static String message(ParseCancellationException e) {
        Throwable c = e.getCause();
        if (c instanceof RecognitionException re && re.getOffendingToken() != null) {
            return "column " + re.getOffendingToken().getCharPositionInLine() + ": unexpected '"
                    + re.getOffendingToken().getText() + "'";
        }
        return "syntax error";
    }

    /** Parses a command line; the tree is null when the line does not fit the grammar. */
    static Result<SmtpParser.CommandLineContext> command(String line) {
        Machinery m = MACHINERY.get();
        SmtpParser p = m.parser(line, SmtpLexer.DEFAULT_MODE);
        try {
            return new Result<>(p.commandLine(), m.errors());
        } catch (ParseCancellationException e) {
            m.errors.messages.add(message(e));
            return new Result<>(null, m.errors());
        }
    }

    /** Parses a reply line; the tree is null when the line does not fit the grammar. */
    static Result<SmtpParser.ReplyLineContext> reply(String line) {
        Machinery m = MACHINERY.get();
        SmtpParser p = m.parser(line, SmtpLexer.REPLY);
        try {
            return new Result<>(p.replyLine(), m.errors());
        } catch (ParseCancellationException e) {
            m.errors.messages.add(message(e));
            return new Result<>(null, m.errors());
        }
    }
}

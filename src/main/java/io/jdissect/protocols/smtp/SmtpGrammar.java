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

    private static SmtpParser parser(String text, int mode, Errors errors) {
        SmtpLexer lexer = new SmtpLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        lexer.mode(mode);
        SmtpParser parser = new SmtpParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        // One line is short and the grammar is LL(1) almost everywhere: SLL prediction and stopping at the
        // first error keep garbage lines (binary data on port 25) cheap.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

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
        Errors errors = new Errors();
        SmtpParser p = parser(line, SmtpLexer.DEFAULT_MODE, errors);
        try {
            return new Result<>(p.commandLine(), errors.messages);
        } catch (ParseCancellationException e) {
            errors.messages.add(message(e));
            return new Result<>(null, errors.messages);
        }
    }

    /** Parses a reply line; the tree is null when the line does not fit the grammar. */
    static Result<SmtpParser.ReplyLineContext> reply(String line) {
        Errors errors = new Errors();
        SmtpParser p = parser(line, SmtpLexer.REPLY, errors);
        try {
            return new Result<>(p.replyLine(), errors.messages);
        } catch (ParseCancellationException e) {
            errors.messages.add(message(e));
            return new Result<>(null, errors.messages);
        }
    }
}

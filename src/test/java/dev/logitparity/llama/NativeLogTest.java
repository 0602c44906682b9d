package dev.logitparity.llama;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeLogTest {

    @Test
    void llamaLogReachesTheJvmLoggerWithInfoDemotedToDebug() {
        LlamaLibrary library = LlamaLibrary.load();
        Logger logger = Logger.getLogger("llama.cpp");
        Level before = logger.getLevel();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try (LlamaModel model = library.loadModel(TestModels.path("qwen2", "f32"), ModelSettings.defaults())) {
            assertTrue(model.vocab().size() > 0);
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(before);
        }
        // Whole lines, not fragments: llama logs one line over several calls.
        assertFalse(records.isEmpty());
        assertTrue(records.stream().noneMatch(r -> r.getMessage().contains("\n")));
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.FINE
                && r.getMessage().contains("llama_model_loader")), "llama's INFO lines arrive as DEBUG (FINE)");
        assertTrue(records.stream().noneMatch(r -> r.getLevel() == Level.INFO), "nothing at INFO: quiet by default");
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("control-looking token")), "llama's warnings keep their level");
    }
}

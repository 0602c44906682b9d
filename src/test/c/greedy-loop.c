// make bench's anchor: llama.cpp's own greedy decode loop (examples/simple's, in C), against the same libraries and
// with the settings CaptureBench's context uses (n_ctx 1024, n_batch 512, flash attention on, F16 KV cache, one
// thread per processor), so that its tok/s and the capture's differ only by the Java bridge and the logit copies.
// Usage: greedy-loop LIB_DIR MODEL.gguf PROMPT STEPS THREADS. Prints one line, "tok/s X": STEPS greedy tokens over
// the time from the prompt's decode to the last token's (the model load excluded), as CaptureBench times a round.
#include "llama.h"
#include "ggml-backend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quiet(enum ggml_log_level level, const char * text, void * user) {
    (void) level; (void) text; (void) user;
}

int main(int argc, char ** argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s LIB_DIR MODEL.gguf PROMPT STEPS THREADS\n", argv[0]);
        return 2;
    }
    const char * prompt = argv[3];
    int steps = atoi(argv[4]);
    int threads = atoi(argv[5]);
    llama_log_set(quiet, NULL);
    ggml_backend_load_all_from_path(argv[1]);
    struct llama_model * model = llama_model_load_from_file(argv[2], llama_model_default_params());
    if (model == NULL) {
        fprintf(stderr, "greedy-loop: %s: cannot load the model\n", argv[2]);
        return 2;
    }
    const struct llama_vocab * vocab = llama_model_get_vocab(model);
    int n_prompt = -llama_tokenize(vocab, prompt, (int) strlen(prompt), NULL, 0, true, true);
    llama_token * tokens = malloc(sizeof(llama_token) * n_prompt);
    llama_tokenize(vocab, prompt, (int) strlen(prompt), tokens, n_prompt, true, true);

    struct llama_context_params params = llama_context_default_params();
    params.n_ctx = 1024;
    params.n_batch = 512;
    params.n_ubatch = 512;
    params.n_threads = threads;
    params.n_threads_batch = threads;
    params.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_ENABLED;
    struct llama_context * ctx = llama_init_from_model(model, params);
    struct llama_sampler * greedy = llama_sampler_init_greedy();

    int64_t start = ggml_time_us();
    if (llama_decode(ctx, llama_batch_get_one(tokens, n_prompt)) != 0) {
        fprintf(stderr, "greedy-loop: the prompt's decode failed\n");
        return 3;
    }
    for (int i = 0; i < steps; i++) {
        llama_token next = llama_sampler_sample(greedy, ctx, -1);
        if (llama_decode(ctx, llama_batch_get_one(&next, 1)) != 0) {
            fprintf(stderr, "greedy-loop: decode failed at step %d\n", i);
            return 3;
        }
    }
    double seconds = (ggml_time_us() - start) / 1e6;
    printf("tok/s %.3f\n", steps / seconds);

    llama_sampler_free(greedy);
    llama_free(ctx);
    llama_model_free(model);
    free(tokens);
    return 0;
}

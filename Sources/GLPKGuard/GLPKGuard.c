// See include/GLPKGuard.h. One guard point per thread (GLPK keeps one environment per thread); nested
// guards (a guarded call inside the branch-and-cut callback of a guarded glp_intopt) stack.

#include "GLPKGuard.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#define OUTPUT_CAPACITY 4096

static _Thread_local jmp_buf *current_point = NULL;
static _Thread_local int echo_output = 0;
static _Thread_local char kept_output[OUTPUT_CAPACITY];
static _Thread_local size_t kept_length = 0;
static _Thread_local unsigned long failures = 0;

/// Keeps the tail of GLPK's output; prints it only when echo is on. Returning nonzero tells GLPK the
/// text was handled.
static int keep_output(void *info, const char *text) {
    (void)info;
    size_t length = strlen(text);
    if (length >= OUTPUT_CAPACITY) {
        text += length - (OUTPUT_CAPACITY - 1);
        length = OUTPUT_CAPACITY - 1;
    }
    if (kept_length + length >= OUTPUT_CAPACITY) {
        size_t drop = kept_length + length - (OUTPUT_CAPACITY - 1);
        memmove(kept_output, kept_output + drop, kept_length - drop);
        kept_length -= drop;
    }
    memcpy(kept_output + kept_length, text, length);
    kept_length += length;
    kept_output[kept_length] = '\0';
    if (echo_output) {
        fputs(text, stderr);
        fflush(stderr);
    }
    return 1;
}

/// GLPK's error hook: never returns, jumps back to the innermost guard point.
static void jump_back(void *info) {
    (void)info;
    longjmp(*current_point, 1);
}

/// Runs `body(context)` with a fresh guard point; 0, or GLPK_GUARD_FAILED after a GLPK error.
static int guarded(void (*body)(void *), void *context) {
    jmp_buf point;
    jmp_buf *outer = current_point;
    glp_term_hook(keep_output, NULL);
    current_point = &point;
    glp_error_hook(jump_back, NULL);
    if (setjmp(point) != 0) {
        current_point = outer;
        failures += 1;
        // GLPK's manual: after the error hook the environment is unusable and must be freed.
        glp_free_env();
        if (outer != NULL) {
            // An enclosing guarded call was running on the freed environment: unwind to it too.
            longjmp(*outer, 1);
        }
        return GLPK_GUARD_FAILED;
    }
    body(context);
    current_point = outer;
    glp_error_hook(outer != NULL ? jump_back : NULL, NULL);
    return 0;
}

struct simplex_call { glp_prob *problem; const glp_smcp *parameters; int result; };
struct intopt_call { glp_prob *problem; const glp_iocp *parameters; int result; };

static void call_simplex(void *context) {
    struct simplex_call *call = context;
    call->result = glp_simplex(call->problem, call->parameters);
}

static void call_intopt(void *context) {
    struct intopt_call *call = context;
    call->result = glp_intopt(call->problem, call->parameters);
}

int glpk_guard_simplex(glp_prob *problem, const glp_smcp *parameters) {
    struct simplex_call call = { problem, parameters, 0 };
    if (guarded(call_simplex, &call) != 0) return GLPK_GUARD_FAILED;
    return call.result;
}

int glpk_guard_intopt(glp_prob *problem, const glp_iocp *parameters) {
    struct intopt_call call = { problem, parameters, 0 };
    if (guarded(call_intopt, &call) != 0) return GLPK_GUARD_FAILED;
    return call.result;
}

int glpk_guard_run(void (*body)(void *context), void *context) {
    return guarded(body, context);
}

void glpk_guard_set_echo(int echo) {
    echo_output = echo;
    glp_term_out(GLP_ON);
    glp_term_hook(keep_output, NULL);
}

const char *glpk_guard_last_output(void) {
    kept_output[kept_length] = '\0';
    return kept_output;
}

void glpk_guard_clear_output(void) {
    kept_length = 0;
    kept_output[0] = '\0';
}

unsigned long glpk_guard_generation(void) {
    return failures;
}

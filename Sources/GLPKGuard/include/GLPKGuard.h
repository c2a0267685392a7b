#ifndef ROUTEOPT_GLPK_GUARD_H
#define ROUTEOPT_GLPK_GUARD_H

// GLPK calls abort() when it is misused (an index out of range, an invalid parameter). These wrappers
// install `glp_error_hook` and a `setjmp` point around a GLPK call, so that such an error returns
// GLPK_GUARD_FAILED instead of ending the process. Swift cannot call setjmp itself.
//
// After a failure GLPK's environment on the calling thread has been freed (`glp_free_env`, as GLPK's
// manual requires): every problem object that thread created is gone and must not be touched again.
// `glpk_guard_generation` counts these failures per thread so owners can tell.
//
// The same wrappers route GLPK's terminal output through a hook: it is kept (the last few kilobytes,
// for error messages) and printed only when `glpk_guard_set_echo(1)` was called on the thread.

#include <glpk.h>

#define GLPK_GUARD_FAILED (-1)

/// `glp_simplex(problem, parameters)`, or GLPK_GUARD_FAILED when GLPK reported an error.
int glpk_guard_simplex(glp_prob *problem, const glp_smcp *parameters);

/// `glp_intopt(problem, parameters)`, or GLPK_GUARD_FAILED when GLPK reported an error (also one raised
/// inside the branch-and-cut callback).
int glpk_guard_intopt(glp_prob *problem, const glp_iocp *parameters);

/// Calls `body(context)` under the guard: 0 when it returned, GLPK_GUARD_FAILED when a GLPK call inside
/// it reported an error.
int glpk_guard_run(void (*body)(void *context), void *context);

/// Whether GLPK's terminal output is printed (on stderr, where progress goes) on this thread: 1 yes, 0 no.
void glpk_guard_set_echo(int echo);

/// The last GLPK output on this thread (up to 4 KiB, NUL-terminated), for error messages.
const char *glpk_guard_last_output(void);

/// Clears the kept output.
void glpk_guard_clear_output(void);

/// How many GLPK failures this thread has seen (each one freed the thread's GLPK environment).
unsigned long glpk_guard_generation(void);

#endif

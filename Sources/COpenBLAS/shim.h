#ifndef ROUTEOPT_COPENBLAS_SHIM_H
#define ROUTEOPT_COPENBLAS_SHIM_H
// OpenBLAS's CBLAS interface (Debian: libopenblas-dev). openblas_set_num_threads is declared there too.
#include <cblas.h>
#endif

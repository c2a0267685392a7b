// GLPK 5.0 from Debian's libglpk-dev (no pkg-config file; the header lives in /usr/include).
#include <glpk.h>

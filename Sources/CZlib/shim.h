// zlib (Debian: zlib1g-dev) for inflating the compressed blocks of OpenStreetMap .osm.pbf files.
#include <zlib.h>

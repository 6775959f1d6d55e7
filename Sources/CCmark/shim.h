// cmark-gfm and its extensions (tables, task lists).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

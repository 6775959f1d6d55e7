// libhyphen: TeX-style hyphenation patterns (no pkg-config file; see PITFALLS.md).
#include <hyphen.h>

// glibc's allocator controls (mallopt, malloc_trim, mallinfo2), which Swift's Glibc module
// leaves out: `gazette serve` sets how freed memory goes back to the system (see
// Sources/gazette/Serve/Allocator.swift).
#include <malloc.h>

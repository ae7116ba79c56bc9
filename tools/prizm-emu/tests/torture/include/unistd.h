#include <stddef.h>
typedef int ssize_t;
ssize_t write(int, const void *, size_t);
void _exit(int) __attribute__((noreturn));

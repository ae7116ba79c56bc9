#include <string.h>
void bzero(void *, size_t);
int bcmp(const void *, const void *, size_t);

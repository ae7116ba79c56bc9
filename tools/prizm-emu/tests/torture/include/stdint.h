#ifndef _SHIM_STDINT_H
#define _SHIM_STDINT_H
#include <stdint-gcc.h>
#endif

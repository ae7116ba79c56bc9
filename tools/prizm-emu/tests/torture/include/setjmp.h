#ifndef _SETJMP_H
#define _SETJMP_H
typedef int jmp_buf[16];
int setjmp(jmp_buf) __attribute__((returns_twice));
void longjmp(jmp_buf, int) __attribute__((noreturn));
#define _setjmp setjmp
#define _longjmp longjmp
#endif

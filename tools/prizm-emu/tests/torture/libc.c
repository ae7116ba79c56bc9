/* A minimal C library for the differential tests: Linux/SH system calls (trapa,
 * number in r3), string functions, printf without floating point, a bump allocator
 * over a static arena. Compiled with -fno-builtin so that loops stay loops. */
#include <stddef.h>
#include <stdarg.h>

typedef struct shim_file { int fd; } FILE;
static FILE out = {1}, err = {2}, in = {0};
FILE *stdout = &out, *stderr = &err, *stdin = &in;

static long sys3(long n, long a, long b, long c) {
    register long r3 __asm__("r3") = n;
    register long r4 __asm__("r4") = a;
    register long r5 __asm__("r5") = b;
    register long r6 __asm__("r6") = c;
    register long r0 __asm__("r0");
    __asm__ volatile("trapa #0x13" : "=z"(r0) : "r"(r3), "r"(r4), "r"(r5), "r"(r6) : "memory", "t");
    return r0;
}

void _exit(int c) { for (;;) sys3(1, c, 0, 0); }
void exit(int c) { _exit(c); }
void abort(void) { _exit(134); }
int write(int fd, const void *p, size_t n) { return sys3(4, fd, (long)p, n); }

void *memcpy(void *d, const void *s, size_t n) { char *a = d; const char *b = s; while (n--) *a++ = *b++; return d; }
void *memmove(void *d, const void *s, size_t n) {
    char *a = d; const char *b = s;
    if (a < b) while (n--) *a++ = *b++;
    else { a += n; b += n; while (n--) *--a = *--b; }
    return d;
}
void *memset(void *d, int c, size_t n) { char *a = d; while (n--) *a++ = c; return d; }
int memcmp(const void *x, const void *y, size_t n) {
    const unsigned char *a = x, *b = y;
    for (; n; n--, a++, b++) if (*a != *b) return *a - *b;
    return 0;
}
int bcmp(const void *x, const void *y, size_t n) { return memcmp(x, y, n); }
void bzero(void *d, size_t n) { memset(d, 0, n); }
void *memchr(const void *s, int c, size_t n) {
    const unsigned char *p = s;
    for (; n; n--, p++) if (*p == (unsigned char)c) return (void *)p;
    return 0;
}
size_t strlen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
size_t strnlen(const char *s, size_t m) { size_t n = 0; while (n < m && s[n]) n++; return n; }
char *strcpy(char *d, const char *s) { char *r = d; while ((*d++ = *s++)); return r; }
char *stpcpy(char *d, const char *s) { while ((*d = *s++)) d++; return d; }
char *strncpy(char *d, const char *s, size_t n) {
    char *r = d;
    for (; n && *s; n--) *d++ = *s++;
    for (; n; n--) *d++ = 0;
    return r;
}
char *strcat(char *d, const char *s) { strcpy(d + strlen(d), s); return d; }
char *strncat(char *d, const char *s, size_t n) {
    char *e = d + strlen(d);
    while (n-- && *s) *e++ = *s++;
    *e = 0;
    return d;
}
int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}
int strncmp(const char *a, const char *b, size_t n) {
    for (; n; n--, a++, b++) {
        if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
        if (!*a) return 0;
    }
    return 0;
}
char *strchr(const char *s, int c) {
    for (;; s++) { if (*s == (char)c) return (char *)s; if (!*s) return 0; }
}
char *strrchr(const char *s, int c) {
    const char *r = 0;
    for (;; s++) { if (*s == (char)c) r = s; if (!*s) return (char *)r; }
}
char *strstr(const char *h, const char *n) {
    size_t l = strlen(n);
    for (; *h; h++) if (!strncmp(h, n, l)) return (char *)h;
    return l ? 0 : (char *)h;
}
size_t strspn(const char *s, const char *a) { size_t n = 0; while (s[n] && strchr(a, s[n])) n++; return n; }
size_t strcspn(const char *s, const char *a) { size_t n = 0; while (s[n] && !strchr(a, s[n])) n++; return n; }
char *strpbrk(const char *s, const char *a) { s += strcspn(s, a); return *s ? (char *)s : 0; }

int abs(int x) { return x < 0 ? -x : x; }
long labs(long x) { return x < 0 ? -x : x; }
long long llabs(long long x) { return x < 0 ? -x : x; }
int isdigit(int c) { return c >= '0' && c <= '9'; }
int isupper(int c) { return c >= 'A' && c <= 'Z'; }
int islower(int c) { return c >= 'a' && c <= 'z'; }
int isalpha(int c) { return isupper(c) || islower(c); }
int isalnum(int c) { return isalpha(c) || isdigit(c); }
int isspace(int c) { return c == ' ' || (c >= 9 && c <= 13); }
int isxdigit(int c) { return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int isprint(int c) { return c >= 32 && c < 127; }
int isgraph(int c) { return c > 32 && c < 127; }
int iscntrl(int c) { return (c >= 0 && c < 32) || c == 127; }
int ispunct(int c) { return isgraph(c) && !isalnum(c); }
int toupper(int c) { return islower(c) ? c - 32 : c; }
int tolower(int c) { return isupper(c) ? c + 32 : c; }

unsigned long strtoul(const char *s, char **end, int base) {
    unsigned long v = 0;
    while (isspace(*s)) s++;
    if (*s == '+') s++;
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) { s += 2; base = 16; }
    else if (base == 0 && s[0] == '0') base = 8;
    else if (base == 0) base = 10;
    for (;; s++) {
        int d = isdigit(*s) ? *s - '0' : islower(*s) ? *s - 'a' + 10 : isupper(*s) ? *s - 'A' + 10 : 99;
        if (d >= base) break;
        v = v * base + d;
    }
    if (end) *end = (char *)s;
    return v;
}
long strtol(const char *s, char **end, int base) {
    while (isspace(*s)) s++;
    if (*s == '-') return -(long)strtoul(s + 1, end, base);
    return (long)strtoul(s, end, base);
}
int atoi(const char *s) { return (int)strtol(s, 0, 10); }
long atol(const char *s) { return strtol(s, 0, 10); }

static unsigned long rand_state = 1;
int rand(void) { rand_state = rand_state * 1103515245 + 12345; return (rand_state >> 16) & 32767; }
void srand(unsigned s) { rand_state = s; }

/* Allocator: bump pointer over a static arena; blocks carry their size. */
static char arena[4 << 20] __attribute__((aligned(8)));
static size_t arena_used;
void *malloc(size_t n) {
    size_t need = ((n + 7) & ~(size_t)7) + 8;
    if (arena_used + need > sizeof arena) return 0;
    char *p = arena + arena_used;
    arena_used += need;
    *(size_t *)p = n;
    return p + 8;
}
void free(void *p) { (void)p; }
void *calloc(size_t a, size_t b) { void *p = malloc(a * b); if (p) memset(p, 0, a * b); return p; }
void *realloc(void *p, size_t n) {
    void *q = malloc(n);
    if (p && q) { size_t o = *(size_t *)((char *)p - 8); memcpy(q, p, o < n ? o : n); }
    return q;
}
char *strdup(const char *s) { char *d = malloc(strlen(s) + 1); return d ? strcpy(d, s) : 0; }

static void swap_bytes(char *a, char *b, size_t n) { while (n--) { char t = *a; *a++ = *b; *b++ = t; } }
void qsort(void *base, size_t n, size_t sz, int (*cmp)(const void *, const void *)) {
    char *b = base;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(b + (j - 1) * sz, b + j * sz) > 0; j--)
            swap_bytes(b + (j - 1) * sz, b + j * sz, sz);
}

/* printf family: %d %i %u %x %X %o %c %s %p %%, flags - 0 + space #, width, precision,
 * length h hh l ll z t j. Floating point conversions print "<float>". */
struct sink { char *buf; size_t cap, len; int fd; };
static void put(struct sink *s, char c) {
    if (s->buf) { if (s->len + 1 < s->cap) s->buf[s->len] = c; }
    else write(s->fd, &c, 1);
    s->len++;
}
static void puts_n(struct sink *s, const char *p, size_t n) { while (n--) put(s, *p++); }
static int vformat(struct sink *s, const char *f, va_list ap) {
    for (; *f; f++) {
        if (*f != '%') { put(s, *f); continue; }
        f++;
        int left = 0, zero = 0, plus = 0, space = 0, alt = 0, width = 0, prec = -1, len = 0;
        for (;; f++) {
            if (*f == '-') left = 1; else if (*f == '0') zero = 1; else if (*f == '+') plus = 1;
            else if (*f == ' ') space = 1; else if (*f == '#') alt = 1; else break;
        }
        if (*f == '*') { width = va_arg(ap, int); if (width < 0) { left = 1; width = -width; } f++; }
        else while (isdigit(*f)) width = width * 10 + *f++ - '0';
        if (*f == '.') { f++; prec = 0; if (*f == '*') { prec = va_arg(ap, int); f++; } else while (isdigit(*f)) prec = prec * 10 + *f++ - '0'; }
        for (;; f++) {
            if (*f == 'l') len++; else if (*f == 'h') len--; else if (*f == 'z' || *f == 't' || *f == 'j') len = 1; else break;
        }
        char tmp[72]; const char *body = tmp; size_t blen = 0; const char *prefix = "";
        unsigned long long u = 0; int neg = 0, base = 10, upper = 0;
        switch (*f) {
        case 'd': case 'i': {
            long long v = len >= 2 ? va_arg(ap, long long) : len == 1 ? va_arg(ap, long) : va_arg(ap, int);
            if (len == -1) v = (short)v; else if (len <= -2) v = (signed char)v;
            if (v < 0) { neg = 1; u = -(unsigned long long)v; } else u = v;
            goto number;
        }
        case 'o': base = 8; goto unsigned_;
        case 'X': upper = 1; /* fall through */
        case 'x': base = 16; goto unsigned_;
        case 'p': u = (unsigned long)va_arg(ap, void *); base = 16; alt = 1; goto number;
        case 'u':
        unsigned_:
            u = len >= 2 ? va_arg(ap, unsigned long long) : len == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            if (len == -1) u = (unsigned short)u; else if (len <= -2) u = (unsigned char)u;
        number: {
            char *e = tmp + sizeof tmp; char *p = e;
            while (u) { int d = u % base; *--p = d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10; u /= base; }
            int digits = e - p;
            int want = prec >= 0 ? prec : 1;
            while (digits < want) { *--p = '0'; digits++; }
            if (alt && base == 8 && *p != '0') *--p = '0';
            prefix = neg ? "-" : plus ? "+" : space ? " " : "";
            if (alt && base == 16 && (e - p) && *f != 'o') prefix = upper ? "0X" : "0x";
            body = p; blen = e - p;
            if (prec >= 0) zero = 0;
            break;
        }
        case 'c': tmp[0] = (char)va_arg(ap, int); blen = 1; break;
        case 's': body = va_arg(ap, const char *); if (!body) body = "(null)"; blen = prec >= 0 ? strnlen(body, prec) : strlen(body); break;
        case 'f': case 'e': case 'g': case 'F': case 'E': case 'G': case 'a': case 'A':
            if (len >= 2) (void)va_arg(ap, long double); else (void)va_arg(ap, double);
            body = "<float>"; blen = 7; break;
        case '%': tmp[0] = '%'; blen = 1; break;
        case 'n': *va_arg(ap, int *) = s->len; continue;
        default: tmp[0] = '%'; tmp[1] = *f; blen = 2; if (!*f) f--; break;
        }
        size_t plen = strlen(prefix);
        int pad = width - (int)(blen + plen);
        if (!left && !zero) while (pad-- > 0) put(s, ' ');
        puts_n(s, prefix, plen);
        if (!left && zero) while (pad-- > 0) put(s, '0');
        puts_n(s, body, blen);
        if (left) while (pad-- > 0) put(s, ' ');
    }
    return s->len;
}
int vfprintf(FILE *fp, const char *f, va_list ap) { struct sink s = {0, 0, 0, fp->fd}; return vformat(&s, f, ap); }
int vprintf(const char *f, va_list ap) { return vfprintf(stdout, f, ap); }
int vsnprintf(char *b, size_t n, const char *f, va_list ap) {
    struct sink s = {b, n, 0, -1};
    int r = vformat(&s, f, ap);
    if (n) b[s.len < n ? s.len : n - 1] = 0;
    return r;
}
int vsprintf(char *b, const char *f, va_list ap) { return vsnprintf(b, (size_t)-1 / 2, f, ap); }
int printf(const char *f, ...) { va_list ap; va_start(ap, f); int r = vprintf(f, ap); va_end(ap); return r; }
int fprintf(FILE *fp, const char *f, ...) { va_list ap; va_start(ap, f); int r = vfprintf(fp, f, ap); va_end(ap); return r; }
int sprintf(char *b, const char *f, ...) { va_list ap; va_start(ap, f); int r = vsprintf(b, f, ap); va_end(ap); return r; }
int snprintf(char *b, size_t n, const char *f, ...) { va_list ap; va_start(ap, f); int r = vsnprintf(b, n, f, ap); va_end(ap); return r; }
int fputs(const char *s, FILE *fp) { return write(fp->fd, s, strlen(s)); }
int puts(const char *s) { fputs(s, stdout); return write(1, "\n", 1); }
int fputc(int c, FILE *fp) { char ch = c; write(fp->fd, &ch, 1); return (unsigned char)c; }
int putc(int c, FILE *fp) { return fputc(c, fp); }
int putchar(int c) { return fputc(c, stdout); }
int fflush(FILE *fp) { (void)fp; return 0; }
size_t fwrite(const void *p, size_t a, size_t b, FILE *fp) { write(fp->fd, p, a * b); return b; }

/* CPU-heavy benchmark for prizm-emu vs qemu-sh4eb: integer kernels of the kind an
 * add-in runs (sorting, CRC, sieve, matrix multiply with libgcc division, a small
 * bytecode interpreter with a switch, string handling). Prints a checksum. */
#include <stdio.h>
#include <string.h>

#define N 64
static unsigned crc_table[256];
static int mat_a[N][N], mat_b[N][N], mat_c[N][N];
static unsigned char sieve[20000];
static int arr[2000];

static void crc_init(void) {
    for (unsigned i = 0; i < 256; i++) {
        unsigned c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}
static unsigned crc32(const unsigned char *p, int n, unsigned c) {
    c = ~c;
    while (n--) c = crc_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return ~c;
}
static unsigned lcg(unsigned *s) { return *s = *s * 1664525u + 1013904223u; }
static void shell_sort(int *a, int n) {
    for (int gap = n / 2; gap > 0; gap /= 2)
        for (int i = gap; i < n; i++) {
            int t = a[i], j;
            for (j = i; j >= gap && a[j - gap] > t; j -= gap) a[j] = a[j - gap];
            a[j] = t;
        }
}
static int primes(int n) {
    int count = 0;
    memset(sieve, 1, n);
    for (int i = 2; i < n; i++)
        if (sieve[i]) {
            count++;
            for (int j = i * 2; j < n; j += i) sieve[j] = 0;
        }
    return count;
}
static int matmul(void) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++) s += mat_a[i][k] * mat_b[k][j];
            mat_c[i][j] = s / (1 + (i & 7)) + s % 13;
        }
    return mat_c[N / 2][N / 3];
}
static int vm(int steps) {
    static const unsigned char prog[] = {1, 5, 2, 3, 3, 4, 1, 7, 5, 2, 6, 0};
    int acc = 0, x = 1, pc = 0;
    for (int i = 0; i < steps; i++) {
        switch (prog[pc]) {
        case 1: acc += x; break;
        case 2: acc ^= acc << 3; break;
        case 3: x = (x * 7 + acc) & 0xFFFF; break;
        case 4: acc -= x >> 2; break;
        case 5: acc = (acc >> 1) | (acc << 31); break;
        case 6: x += 3; break;
        default: acc = acc * 3 + 1; break;
        }
        pc = (pc + 1) % sizeof prog;
    }
    return acc;
}
static int strings(int rounds) {
    char buf[128], tmp[32];
    int total = 0;
    for (int r = 0; r < rounds; r++) {
        buf[0] = 0;
        for (int i = 0; i < 8; i++) {
            sprintf(tmp, "%d:%x,", r * i, r ^ i);
            strcat(buf, tmp);
        }
        total += strlen(buf) + (strchr(buf, ':') - buf);
    }
    return total;
}

int main(void) {
    unsigned seed = 12345, check = 0;
    crc_init();
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            mat_a[i][j] = lcg(&seed) % 100;
            mat_b[i][j] = lcg(&seed) % 100;
        }
    for (int round = 0; round < 12; round++) {
        for (int i = 0; i < 2000; i++) arr[i] = lcg(&seed) % 100000;
        shell_sort(arr, 2000);
        check = crc32((unsigned char *)arr, sizeof arr, check);
        check += primes(20000);
        check += matmul();
        check += vm(200000);
        check += strings(500);
    }
    printf("checksum %u\n", check);
    return 0;
}
